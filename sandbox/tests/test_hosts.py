"""/etc/hosts: each data plane rewrites only its own marked lines, and drops those of dead ones."""

from mysfits_sandbox.hosts import HostsFile


def test_hosts_lines_of_dead_data_planes_go_and_others_stay(tmp_path):
    path = tmp_path / "hosts"
    path.write_text("127.0.0.1 localhost\n127.77.0.1 a-1.elb # mysfits-sandbox:1\n127.77.0.2 b-1.elb # mysfits-sandbox:2\n")
    HostsFile(str(path), "2").forget_instances(lambda instance: instance == "2")
    assert path.read_text() == "127.0.0.1 localhost\n127.77.0.2 b-1.elb # mysfits-sandbox:2\n"
    ours = HostsFile(str(path), "2")
    ours.sync({"c-1.elb": "127.77.0.2"})
    assert ours.entries() == {"c-1.elb": "127.77.0.2"}
    assert "localhost" in path.read_text()


def test_a_name_this_sandbox_serves_is_taken_from_a_stale_sandbox(tmp_path):
    path = tmp_path / "hosts"
    path.write_text("127.77.0.1 shop-1.elb # mysfits-sandbox:1\n127.77.0.1 other-1.elb # mysfits-sandbox:1\n")
    HostsFile(str(path), "2").sync({"shop-1.elb": "127.77.0.2"})
    assert path.read_text() == "127.77.0.1 other-1.elb # mysfits-sandbox:1\n127.77.0.2 shop-1.elb # mysfits-sandbox:2\n"
