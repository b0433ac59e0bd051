"""CodeBuild's builds, run for real: moto records a build and reports it SUCCEEDED with made-up phases at once.

A build here goes through CodeBuild's phases as BatchGetBuilds reports them (SUBMITTED, QUEUED, PROVISIONING,
DOWNLOAD_SOURCE, INSTALL, PRE_BUILD, BUILD, POST_BUILD, UPLOAD_ARTIFACTS, FINALIZING, COMPLETED), each with its
status, times and duration. The source comes from the project's S3 object (bucket/key.zip, read from moto's own S3)
or from `git clone` of its location; the buildspec's commands run in one bash, as buildspec version 0.2 runs them,
on this machine with its docker CLI and the sandbox's Docker engine, with the project's environment variables and
the ones CodeBuild sets. The sandbox's own endpoint stands in for AWS, and dummy keys for the role's credentials.
Every line goes to CloudWatch Logs, group /aws/codebuild/<project>, stream <build uuid>, with CodeBuild's
"[Container]" lines around the commands. A failing command fails its phase: after INSTALL or PRE_BUILD the build
skips to FINALIZING; after BUILD, POST_BUILD still runs, as CodeBuild does. StopBuild stops it (STOPPED), and the
project's timeoutInMinutes ends it (TIMED_OUT).
"""
import copy
import io
import logging
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
import zipfile
from datetime import datetime, timezone

import yaml

log = logging.getLogger("mysfits_sandbox.builds")

COMMAND_PHASES = ("INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD")
_SPEC_KEYS = {"INSTALL": "install", "PRE_BUILD": "pre_build", "BUILD": "build", "POST_BUILD": "post_build"}
_lock = threading.RLock()


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def now():
    return datetime.now(timezone.utc)


class SourceError(Exception):
    pass


class Build:
    """One build's run. `metadata` is the dict moto returns for it: this class moves it on, under the lock."""

    def __init__(self, metadata, project, account_id, region, endpoint_url, workdir=None):
        self.metadata = metadata
        self.project = project
        self.account_id = account_id
        self.region = region
        self.endpoint_url = endpoint_url
        self.workdir = workdir
        self.process = None
        self.stopped = threading.Event()
        self.timed_out = False
        build_uuid = metadata["id"].split(":", 1)[1]
        self.group = "/aws/codebuild/" + metadata["projectName"]
        self.stream = build_uuid
        metadata["logs"] = {
            "groupName": self.group, "streamName": self.stream,
            "deepLink": "https://console.aws.amazon.com/cloudwatch/home?region=%s#logsV2:log-groups/log-group/%s/log-events/%s"
                        % (region, self.group.replace("/", "$252F"), self.stream),
            "cloudWatchLogsArn": "arn:aws:logs:%s:%s:log-group:%s:log-stream:%s" % (region, account_id, self.group, self.stream),
            "cloudWatchLogs": {"status": "ENABLED"}, "s3Logs": {"status": "DISABLED", "encryptionDisabled": False},
        }

    # --- what BatchGetBuilds shows ---

    def _begin(self, phase_type):
        with _lock:
            self.metadata["currentPhase"] = phase_type
            self.metadata["phases"].append({"phaseType": phase_type, "startTime": iso(now())})

    def _end(self, status, context=None):
        with _lock:
            phase = self.metadata["phases"][-1]
            end = now()
            start = datetime.fromisoformat(phase["startTime"].replace("Z", "+00:00"))
            phase.update({"phaseStatus": status, "endTime": iso(end),
                          "durationInSeconds": max(0, int((end - start).total_seconds()))})
            if context:
                phase["contexts"] = [context]
        self._container_line("Phase complete: %s State: %s" % (phase["phaseType"], status))
        if context:
            self._container_line("Phase context status code: %s Message: %s" % (context["statusCode"], context["message"]))

    def _finish(self, status):
        with _lock:
            self.metadata["currentPhase"] = "COMPLETED"
            self.metadata["phases"].append({"phaseType": "COMPLETED", "startTime": iso(now())})
            self.metadata["buildStatus"] = status
            self.metadata["buildComplete"] = True
            self.metadata["endTime"] = iso(now())

    # --- CloudWatch Logs ---

    def _logs(self):
        from moto.logs.models import logs_backends
        return logs_backends[self.account_id][self.region]

    def _open_stream(self):
        backend = self._logs()
        if self.group not in backend.groups:
            try:
                backend.create_log_group(self.group, {})
            except Exception:  # made by a build that started at the same moment
                pass
        backend.create_log_stream(self.group, self.stream)

    def log(self, message):
        try:
            self._logs().put_log_events(self.group, self.stream,
                                        [{"timestamp": int(time.time() * 1000), "message": message}])
        except Exception as e:  # the group was deleted under a running build
            log.debug("build log line dropped: %s", e)

    def _container_line(self, message):
        self.log("[Container] %s %s" % (datetime.now(timezone.utc).strftime("%Y/%m/%d %H:%M:%S.%f"), message))

    # --- the run ---

    def run(self):
        workdir = self.workdir or tempfile.mkdtemp(prefix="mysfits-codebuild-")
        try:
            self._run(workdir)
        except Exception as e:  # a fault of the sandbox itself: CodeBuild reports those as FAULT
            log.exception("build %s", self.metadata["id"])
            self.log("[Container] build fault: %s" % e)
            self._finish("FAULT")
        finally:
            if self.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)

    def _run(self, workdir):
        with _lock:
            for phase in self.metadata["phases"]:
                if phase["phaseType"] == "QUEUED" and "phaseStatus" not in phase:
                    end = now()
                    phase.update({"phaseStatus": "SUCCEEDED", "endTime": iso(end), "durationInSeconds": 0})
        self._open_stream()
        self._begin("PROVISIONING")
        self.log("[Container] %s Waiting for agent ping" % datetime.now(timezone.utc).strftime("%Y/%m/%d %H:%M:%S.%f"))
        self._end("SUCCEEDED")
        if self._stopped_or_timed_out():
            return

        source_dir = os.path.join(workdir, "src")
        self._begin("DOWNLOAD_SOURCE")
        try:
            resolved = self._download(source_dir)
        except SourceError as e:
            self._end("FAILED", {"statusCode": "CLIENT_ERROR", "message": str(e)})
            self._begin("FINALIZING")
            self._end("SUCCEEDED")
            self._finish("FAILED")
            return
        with _lock:
            if resolved:
                self.metadata["resolvedSourceVersion"] = resolved
        self._end("SUCCEEDED")

        try:
            spec = self._buildspec(source_dir)
        except SourceError as e:
            self._begin("INSTALL")
            self._end("FAILED", {"statusCode": "YAML_FILE_ERROR", "message": str(e)})
            self._begin("FINALIZING")
            self._end("SUCCEEDED")
            self._finish("FAILED")
            return

        shell = Shell(self, source_dir, self._environment(spec, source_dir, resolved, workdir))
        failed = None
        try:
            for phase_type in COMMAND_PHASES:
                if failed in ("INSTALL", "PRE_BUILD") or self._stopped_or_timed_out():
                    break
                commands = ((spec.get("phases") or {}).get(_SPEC_KEYS[phase_type]) or {}).get("commands") or []
                self._begin(phase_type)
                if phase_type == "POST_BUILD":
                    shell.succeeding = failed is None
                error = shell.run_all(commands)
                if self._stopped_or_timed_out():
                    self._end("STOPPED" if self.stopped.is_set() and not self.timed_out else "TIMED_OUT")
                    break
                if error:
                    self._end("FAILED", {"statusCode": "COMMAND_EXECUTION_ERROR", "message": error})
                    failed = failed or phase_type
                else:
                    self._end("SUCCEEDED")
        finally:
            shell.close()

        if not self._stopped_or_timed_out():
            self._begin("UPLOAD_ARTIFACTS")
            self._end("SUCCEEDED")
        self._begin("FINALIZING")
        self._end("SUCCEEDED")
        if self.timed_out:
            self._finish("TIMED_OUT")
        elif self.stopped.is_set():
            self._finish("STOPPED")
        else:
            self._finish("FAILED" if failed else "SUCCEEDED")

    def _stopped_or_timed_out(self):
        return self.stopped.is_set()

    def _download(self, target):
        source = self.project.get("source") or {}
        kind = source.get("type")
        location = source.get("location") or ""
        version = self.metadata.get("sourceVersionRequested")
        self._container_line("Processing environment variables")
        if kind == "S3":
            from moto.s3.models import s3_backends
            bucket, _, key = location.partition("/")
            try:
                obj = s3_backends[self.account_id]["aws"].get_object(bucket, key)
            except Exception as e:
                raise SourceError("CLIENT_ERROR: error while downloading source from S3: %s" % e)
            if obj is None:
                raise SourceError("CLIENT_ERROR: no matching artifact paths found: s3://%s" % location)
            os.makedirs(target)
            try:
                with zipfile.ZipFile(io.BytesIO(obj.value)) as archive:
                    archive.extractall(target)
            except zipfile.BadZipFile:
                raise SourceError("CLIENT_ERROR: s3://%s is not a zip archive" % location)
            self._container_line("Moving to directory %s" % target)
            return None
        if kind == "NO_SOURCE":
            os.makedirs(target)
            return None
        clone = ["git", "clone", "--quiet"] + ([] if version else ["--depth", "1"]) + [location, target]
        self._container_line("Cloning %s" % location)
        result = subprocess.run(clone, capture_output=True, text=True, timeout=300,
                                env=dict(os.environ, GIT_TERMINAL_PROMPT="0"))
        if result.returncode != 0:
            raise SourceError("CLIENT_ERROR: repository not found or not reachable for primary source and source version %s: %s"
                              % (version or "HEAD", result.stderr.strip().splitlines()[-1] if result.stderr.strip() else result.returncode))
        if version:
            checkout = subprocess.run(["git", "-C", target, "checkout", "--quiet", version], capture_output=True, text=True, timeout=60)
            if checkout.returncode != 0:
                raise SourceError("CLIENT_ERROR: reference not found for primary source and source version %s" % version)
        head = subprocess.run(["git", "-C", target, "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30)
        return head.stdout.strip() or None

    def _buildspec(self, source_dir):
        text_or_path = (self.project.get("source") or {}).get("buildspec") or "buildspec.yml"
        if "\n" in text_or_path:
            text = text_or_path  # an inline buildspec
        else:
            path = os.path.join(source_dir, text_or_path)
            if not os.path.isfile(path):
                raise SourceError("YAML_FILE_ERROR: stat %s: no such file or directory" % path)
            with open(path) as f:
                text = f.read()
        try:
            spec = yaml.safe_load(text) or {}
        except yaml.YAMLError as e:
            raise SourceError("YAML_FILE_ERROR: %s" % str(e).replace("\n", " "))
        if not isinstance(spec, dict) or str(spec.get("version")) not in ("0.1", "0.2"):
            raise SourceError("YAML_FILE_ERROR: missing or unknown version: use 0.2")
        return spec

    def _environment(self, spec, source_dir, resolved, workdir):
        home = os.path.join(workdir, "home")
        os.makedirs(os.path.join(home, ".docker"), exist_ok=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
            # The build's `docker login` writes here, never into the machine's own ~/.docker.
            "DOCKER_CONFIG": os.path.join(home, ".docker"),
            # CodeBuild's docker builds without BuildKit unless told; this engine has none.
            "DOCKER_BUILDKIT": "0",
            "AWS_REGION": self.region, "AWS_DEFAULT_REGION": self.region,
            "AWS_ACCESS_KEY_ID": "codebuild", "AWS_SECRET_ACCESS_KEY": "codebuild",
            "CODEBUILD_BUILD_ID": self.metadata["id"], "CODEBUILD_BUILD_ARN": self.metadata["arn"],
            "CODEBUILD_BUILD_NUMBER": str(self.metadata.get("buildNumber", 1)),
            "CODEBUILD_INITIATOR": self.metadata.get("initiator", ""),
            "CODEBUILD_SRC_DIR": source_dir, "CODEBUILD_BUILD_SUCCEEDING": "1",
            "CODEBUILD_SOURCE_VERSION": self.metadata.get("sourceVersion", ""),
            "CODEBUILD_RESOLVED_SOURCE_VERSION": resolved or "",
            "CODEBUILD_LOG_PATH": self.stream,
        }
        if os.environ.get("DOCKER_HOST"):
            env["DOCKER_HOST"] = os.environ["DOCKER_HOST"]
        if self.endpoint_url:
            env["AWS_ENDPOINT_URL"] = self.endpoint_url
        for variable in (self.project.get("environment") or {}).get("environmentVariables") or []:
            env[variable["name"]] = variable.get("value", "")
        for name, value in ((spec.get("env") or {}).get("variables") or {}).items():
            env[str(name)] = str(value)
        return env


class Shell:
    """One bash for the whole build: a variable set in pre_build is there in build, as in buildspec 0.2."""

    def __init__(self, build, cwd, env):
        self.build = build
        self.marker = "__mysfits_codebuild_%s__" % uuid.uuid4().hex
        self.succeeding = True
        self.process = subprocess.Popen(["bash", "--noprofile", "--norc", "-s"], cwd=cwd, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, bufsize=1, start_new_session=True)
        build.process = self.process
        self._send("exec 2>&1; __STATE=%s" % shlex.quote(os.path.join(env["HOME"], ".build-state")))

    def _send(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def run_all(self, commands):
        """Runs each command in turn; the first failure ends the phase. Returns its message, or None."""
        self._send("export CODEBUILD_BUILD_SUCCEEDING=%d" % (1 if self.succeeding else 0))
        for command in commands:
            command = str(command)
            self.build._container_line("Running command %s" % command)
            status = self._run(command)
            if status is None:
                if self.build.stopped.is_set():
                    return None
                return "Error while executing command: %s. Reason: the shell ended" % command
            if status != 0:
                return "Error while executing command: %s. Reason: exit status %d" % (command, status)
        return None

    def _run(self, command):
        # In a subshell, so that `exit 1` fails the command, not the build's shell; its variables and directory
        # come back through the state file, which the EXIT trap writes however the command ends.
        try:
            self._send("( trap '{ declare -p; echo \"cd $(printf %%q \"$PWD\")\"; } > \"$__STATE\" 2>/dev/null' EXIT\n%s\n) < /dev/null;"
                       " echo \"%s $?\"; . \"$__STATE\" 2>/dev/null" % (command, self.marker))
        except (BrokenPipeError, OSError):
            return None
        for line in self.process.stdout:
            line = line.rstrip("\n")
            at = line.find(self.marker)
            if at >= 0:
                if line[:at]:
                    self.build.log(line[:at])
                return int(line[at + len(self.marker):].strip() or 1)
            self.build.log(line)
        return None  # the shell exited: `exit 1`, a syntax error, or StopBuild

    def kill(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def close(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            self.process.wait()


class Builds:
    """The builds running in this sandbox, by id."""

    def __init__(self, endpoint_url=None, run_async=True):
        self.endpoint_url = endpoint_url
        self.run_async = run_async
        self.running = {}

    def start(self, backend, metadata, project, source_version):
        metadata["sourceVersionRequested"] = source_version
        if source_version:
            metadata["sourceVersion"] = source_version
        metadata["source"] = copy.deepcopy(project.get("source") or {})
        metadata["environment"] = copy.deepcopy(project.get("environment") or metadata.get("environment"))
        metadata["timeoutInMinutes"] = project.get("timeoutInMinutes") or 60
        build = Build(metadata, project, backend.account_id, backend.region_name, self.endpoint_url)
        self.running[metadata["id"]] = build
        timeout = float(metadata["timeoutInMinutes"]) * 60

        def go():
            timer = threading.Timer(timeout, self._time_out, args=(build,))
            timer.daemon = True
            timer.start()
            try:
                build.run()
            finally:
                timer.cancel()
                self.running.pop(metadata["id"], None)

        if self.run_async:
            threading.Thread(target=go, name="build-" + metadata["id"][-12:], daemon=True).start()
        else:
            go()
        return build

    def _time_out(self, build):
        build.timed_out = True
        self.stop(build)

    def stop(self, build):
        build.stopped.set()
        if build.process is not None:
            try:
                os.killpg(build.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def stop_id(self, build_id):
        build = self.running.get(build_id)
        if build is not None:
            self.stop(build)
        return build is not None

    def stop_all(self):
        for build in list(self.running.values()):
            self.stop(build)


def snapshot(metadata):
    """A copy to answer with, taken while no build moves it on; without the sandbox's own bookkeeping."""
    with _lock:
        copied = copy.deepcopy(metadata)
    copied.pop("sourceVersionRequested", None)
    return copied
