"""ECR's API lists what its registry holds, as ECR does.

Images reach the ECR stand-in (Debian's docker-registry, scripts/sandbox) by `docker push`, never through moto, so
moto's ECR API knew nothing of them: `aws ecr describe-images` missed every push. Here, before moto answers a call
that reads or changes a repository's images, that repository's tags and manifest digests are read from the
registry's HTTP API v2 and moto's images are brought in line. No notification and no background thread: each answer
is as fresh as the registry at the moment it is asked, so there is no window right after a push.

- Only repositories this moto has are read (many motos share one registry, each with its own repositories); a
  registry exists for an account and region when Docker trusts a CA for its ECR host name
  (/etc/docker/certs.d/<host>/ca.crt, where scripts/sandbox puts it) and that name resolves to loopback.
- imagePushedAt is when the sandbox first saw the manifest; imageSizeInBytes the sum of its layers.
- A tag the registry moved leaves the old image untagged, as ECR does; a manifest gone from the registry goes.
- BatchDeleteImage, DeleteRepository with force and PutImage change the registry too (its config enables deletes),
  so a deleted image does not come back at the next read, and a recreated repository starts empty.
- Without a registry (pytest with no Docker, or it is down) ECR answers from moto alone.
"""
import hashlib
import inspect
import ipaddress
import json
import logging
import os
import socket
import threading

import requests
from moto.ecr import models as ecr_models
from . import hooks

log = logging.getLogger("mysfits_sandbox.ecr")

CERTS_DIRECTORY = "/etc/docker/certs.d"
MANIFEST_TYPES = (
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
)
TIMEOUT = (2, 10)   # connect, read: the registry is on loopback

_lock = threading.RLock()          # moto's server is threaded; a sync and the call it precedes go together
_installed = False
_settings = {"certs": CERTS_DIRECTORY}
_manifests = {}                    # (host, repository, digest) -> (media type, bytes): content addressed


def registry_password(account):
    # The stand-in's htpasswd holds the token moto's GetAuthorizationToken hands out.
    return "%s-auth-token" % account


class RegistryUnavailable(Exception):
    pass


class Registry:
    """The Docker Registry HTTP API v2 of the ECR stand-in for one account and region."""

    def __init__(self, host, ca_file, account):
        self.host = host
        self.base = "https://%s" % host
        self.session = requests.Session()
        self.session.verify = ca_file
        self.session.auth = ("AWS", registry_password(account))
        self.session.trust_env = False   # no proxy: the traffic stays on loopback

    @staticmethod
    def locate(account, region, certs=None):
        host = "%s.dkr.ecr.%s.amazonaws.com" % (account, region)
        ca_file = os.path.join(certs or _settings["certs"], host, "ca.crt")
        if not os.path.isfile(ca_file) or not _resolves_to_loopback(host):
            return None
        return Registry(host, ca_file, account)

    def _call(self, method, path, **kwargs):
        try:
            return self.session.request(method, self.base + path, timeout=TIMEOUT, allow_redirects=False, **kwargs)
        except requests.RequestException as e:
            raise RegistryUnavailable(str(e))

    def tags(self, repository):
        """tag -> digest for every tag the registry holds in this repository ({} when it has none)."""
        names, path = [], "/v2/%s/tags/list?n=1000" % repository
        while path:
            r = self._call("GET", path)
            if r.status_code == 404:
                return {}
            _expect(r, 200)
            names.extend(r.json().get("tags") or [])
            link = r.headers.get("Link", "")
            path = link[link.index("<") + 1:link.index(">")] if "<" in link else None
        found = {}
        for tag in names:
            digest = self.digest(repository, tag)
            if digest:
                found[tag] = digest
        return found

    def digest(self, repository, reference):
        r = self._call("HEAD", "/v2/%s/manifests/%s" % (repository, reference),
                       headers={"Accept": ", ".join(MANIFEST_TYPES)})
        if r.status_code == 404:
            return None
        _expect(r, 200)
        return r.headers.get("Docker-Content-Digest")

    def manifest(self, repository, digest):
        """(media type, bytes) of a manifest by digest, or None when the registry no longer has it."""
        key = (self.host, repository, digest)
        if key not in _manifests:
            r = self._call("GET", "/v2/%s/manifests/%s" % (repository, digest),
                           headers={"Accept": ", ".join(MANIFEST_TYPES)})
            if r.status_code == 404:
                return None
            _expect(r, 200)
            if "sha256:" + hashlib.sha256(r.content).hexdigest() != digest:
                raise RegistryUnavailable("manifest %s@%s does not match its digest" % (repository, digest))
            media_type = r.headers.get("Content-Type", "").split(";")[0] or _media_type(r.content)
            _manifests[key] = (media_type, r.content)
        return _manifests[key]

    def delete(self, repository, digest):
        """Deletes a manifest and every tag on it (the registry cannot untag alone)."""
        r = self._call("DELETE", "/v2/%s/manifests/%s" % (repository, digest))
        if r.status_code not in (202, 404):
            _expect(r, 202)

    def put(self, repository, reference, media_type, body):
        """Stores a manifest under a tag or its digest; False when the registry refuses it (e.g. unknown layers)."""
        r = self._call("PUT", "/v2/%s/manifests/%s" % (repository, reference),
                       headers={"Content-Type": media_type}, data=body)
        if r.status_code == 201:
            return True
        log.info("registry refused manifest %s:%s: HTTP %d %s", repository, reference, r.status_code, r.text[:200])
        return False


def _expect(response, status):
    if response.status_code != status:
        raise RegistryUnavailable("%s %s: HTTP %d %s" % (response.request.method, response.url,
                                                         response.status_code, response.text[:200]))


def _media_type(body):
    try:
        return json.loads(body).get("mediaType") or MANIFEST_TYPES[0]
    except ValueError:
        return MANIFEST_TYPES[0]


def _resolves_to_loopback(host):
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


class RegistryImage(ecr_models.Image):
    """An image moto learnt of from the registry: its size is its layers', as ECR reports it."""

    def __init__(self, account_id, repository, digest, media_type, body):
        super().__init__(account_id, None, body.decode("utf-8"), repository, media_type, digest)
        self.image_manifest_media_type = media_type
        try:
            document = json.loads(body)
        except ValueError:
            document = {}
        layers = document.get("layers")
        self._size = sum(int(layer.get("size", 0)) for layer in layers) if layers else len(body)

    def get_image_size_in_bytes(self):
        return self._size


def _repository(backend, name):
    repository = backend.repositories.get(name) if name else None
    return repository if repository is not None and repository.registry_id == backend.account_id else None


def _untag(image, tag):
    if tag in image.image_tags:
        image.image_tags.remove(tag)
    image.image_tag = image.image_tags[-1] if image.image_tags else None


def sync(backend, repository_name):
    """Brings moto's images of one repository in line with the registry; returns the registry's tags or None."""
    repository = _repository(backend, repository_name)
    if repository is None:
        return None
    registry = Registry.locate(backend.account_id, backend.region_name)
    if registry is None:
        return None
    try:
        held = registry.tags(repository.name)
        by_digest = {image.get_image_digest(): image for image in repository.images}
        for tag, digest in sorted(held.items()):
            image = by_digest.get(digest)
            if image is None:
                manifest = registry.manifest(repository.name, digest)
                if manifest is None:
                    continue   # deleted between the listing and now
                image = by_digest[digest] = RegistryImage(backend.account_id, repository.name, digest, *manifest)
                repository.images.append(image)
            if tag not in image.image_tags:
                for other in repository.images:
                    if other is not image:
                        _untag(other, tag)
                image.update_tag(tag)
        tagged = set(held.values())
        for image in list(repository.images):
            digest = image.get_image_digest()
            if isinstance(image, RegistryImage) and digest not in tagged and registry.digest(repository.name, digest) is None:
                repository.images.remove(image)   # deleted from the registry itself
        return held
    except RegistryUnavailable as e:
        log.warning("ECR answers from moto alone: the registry %s: %s", registry.host, e)
        return None


def _registry_digests(backend, repository_name):
    repository = _repository(backend, repository_name)
    return set() if repository is None else {i.get_image_digest() for i in repository.images if isinstance(i, RegistryImage)}


def _rewrite(backend, repository_name, before, known):
    """After moto changed a repository's images: the registry holds what moto now lists, and no more.
    before: the registry's tags before the change; known: the digests moto had from the registry."""
    registry = Registry.locate(backend.account_id, backend.region_name)
    if registry is None or before is None:
        return
    repository = _repository(backend, repository_name)
    now = {} if repository is None else {i.get_image_digest(): i for i in repository.images}
    try:
        for digest in set(before.values()) | known:
            image = now.get(digest)
            lost = {t for t, d in before.items() if d == digest} - set(image.image_tags if image else ())
            if image is None:
                registry.delete(repository_name, digest)
            elif lost:
                manifest = registry.manifest(repository_name, digest)
                registry.delete(repository_name, digest)
                if manifest:
                    registry.put(repository_name, digest, *manifest)
                    for tag in image.image_tags:
                        registry.put(repository_name, tag, *manifest)
    except RegistryUnavailable as e:
        log.warning("the registry %s did not take the change to %s: %s", registry.host, repository_name, e)


_nested = threading.local()


def _hook(method, changes=False):
    """Syncs the call's repository first (and, for a change, the registry after); a call moto makes from inside
    another hooked call (PutImage untagging through BatchDeleteImage) is left to the outer one."""
    signature = inspect.signature(method)

    def hooked(backend, *args, **kwargs):
        if getattr(_nested, "depth", 0):
            return method(backend, *args, **kwargs)
        name = signature.bind(backend, *args, **kwargs).arguments.get("repository_name")
        with _lock:
            _nested.depth = 1
            try:
                before = sync(backend, name)
                known = _registry_digests(backend, name)
                result = method(backend, *args, **kwargs)
                if changes:
                    _rewrite(backend, name, before, known)
                    if method.__name__ == "put_image":
                        _put_in_registry(backend, name, result, signature.bind(backend, *args, **kwargs).arguments)
                return result
            finally:
                _nested.depth = 0

    hooked.__wrapped__ = method
    return hooked


def _put_in_registry(backend, repository_name, image, arguments):
    """PutImage tags a manifest in ECR, so `docker pull` finds it there too (when the registry has its layers)."""
    registry = Registry.locate(backend.account_id, backend.region_name)
    tag = arguments.get("image_tag")
    if registry is None or not tag:
        return
    body = arguments["image_manifest"].encode("utf-8")
    media_type = image.image_manifest_media_type or _media_type(body)
    try:
        registry.put(repository_name, tag, media_type, body)
    except RegistryUnavailable as e:
        log.warning("the registry %s did not take %s:%s: %s", registry.host, repository_name, tag, e)


def install(certs=None):
    """Hooks moto's ECR backend (once per process); certs: where Docker keeps registry CAs (tests point it away)."""
    global _installed
    if certs is not None:
        _settings["certs"] = certs
    if _installed:
        return
    _installed = True
    backend = ecr_models.ECRBackend
    for name in ("list_images", "describe_images", "batch_get_image", "describe_image_scan_findings",
                 "start_image_scan"):
        hooks.lay_member(backend, name, _hook(getattr(backend, name)))
    for name in ("batch_delete_image", "delete_repository", "put_image"):
        hooks.lay_member(backend, name, _hook(getattr(backend, name), changes=True))
