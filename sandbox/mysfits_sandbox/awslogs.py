"""The awslogs log driver: a container's stdout and stderr go to moto's CloudWatch Logs within a second or two,
in stream <prefix>/<container>/<task id>, as the ECS agent names them."""
import logging
import threading

log = logging.getLogger("mysfits_sandbox.awslogs")


class LogShipper:
    def __init__(self, runtime):
        self.runtime = runtime
        self._threads = {}

    def follow(self, managed, definition, container_id):
        config = definition.get("logConfiguration") or {}
        if config.get("logDriver") != "awslogs":
            return
        options = config.get("options") or {}
        from moto.logs.models import logs_backends
        region = options.get("awslogs-region") or managed.task.region_name
        backend = logs_backends[managed.backend.account_id][region]
        group = options["awslogs-group"]
        prefix = options.get("awslogs-stream-prefix")
        task_id = managed.task.task_arn.rsplit("/", 1)[-1]
        stream = "%s/%s/%s" % (prefix, definition["name"], task_id) if prefix else task_id
        if group not in backend.groups and options.get("awslogs-create-group") == "true":
            backend.create_log_group(group, {})
        try:
            backend.create_log_stream(group, stream)
        except Exception:  # already there
            pass
        thread = threading.Thread(target=self._ship, args=(backend, group, stream, container_id),
                                  name="logs-" + container_id[:12], daemon=True)
        self._threads[container_id] = thread
        thread.start()

    def _ship(self, backend, group, stream, container_id):
        try:
            for millis, message in self.runtime.follow_logs(container_id):
                try:
                    backend.put_log_events(group, stream, [{"timestamp": millis, "message": message}])
                except Exception as e:  # the group was deleted under a running task
                    log.debug("log event for %s dropped: %s", stream, e)
        except Exception as e:
            log.debug("log stream of %s ended: %s", container_id[:12], e)
        finally:
            self._threads.pop(container_id, None)

    def flush(self, managed, timeout=2.0):
        """Gives a stopped task's last lines a moment to arrive before its containers are removed."""
        for container_id in managed.containers.values():
            thread = self._threads.get(container_id)
            if thread is not None:
                thread.join(timeout)

    def stop_all(self):
        self._threads.clear()
