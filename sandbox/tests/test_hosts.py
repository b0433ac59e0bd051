"""/etc/hosts: each data plane rewrites only its own marked lines, and drops those of dead ones."""

import multiprocessing

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


def _sync_many_times(path, instance):
    hosts = HostsFile(path, instance)
    for n in range(40):
        hosts.sync({"lb%d-%s.elb" % (n, instance): "127.77.0.%s" % instance})
    hosts.sync({"last-%s.elb" % instance: "127.77.0.%s" % instance})


def test_data_planes_in_other_processes_never_lose_each_others_lines(tmp_path):
    # Integration tests run several data planes side by side, all rewriting one /etc/hosts.
    path = tmp_path / "hosts"
    path.write_text("127.0.0.1 localhost\n")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_sync_many_times, args=(str(path), str(i))) for i in range(1, 7)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    lines = path.read_text().splitlines()
    assert lines[0] == "127.0.0.1 localhost"
    assert sorted(lines[1:]) == sorted("127.77.0.%d last-%d.elb # mysfits-sandbox:%d" % (i, i, i) for i in range(1, 7))
