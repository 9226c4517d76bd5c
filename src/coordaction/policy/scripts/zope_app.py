"""What the console scripts share: the Zope database of a zope.conf opened as the
Zope administrator, the site found in it, and the portal's public address."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from contextlib import contextmanager
from Products.PluggableAuthService.interfaces.authservice import IPluggableAuthService
from Products.PluggableAuthService.interfaces.plugins import IRoleAssignerPlugin
from Products.PluggableAuthService.interfaces.plugins import IUserAdderPlugin
from Testing.makerequest import makerequest
from urllib.parse import urlsplit
from zope.component.hooks import setSite
import os
import sys


def site_id():
    return os.environ.get("COORDACTION_SITE_ID", "coordaction")


def admin_login():
    """The Zope administrator's login and password (``admin``: local use only)."""
    return (
        os.environ.get("COORDACTION_ADMIN_USER", "admin"),
        os.environ.get("COORDACTION_ADMIN_PASSWORD", "admin"),
    )


def open_zope_app(zope_conf):
    from Zope2.Startup.run import make_wsgi_app

    # A script only queues its mail: the server sends it (coordaction.policy.mailqueue).
    os.environ["COORDACTION_MAIL_PROCESSOR"] = "0"
    make_wsgi_app({}, zope_conf)
    from Zope2 import app as zope_app

    return makerequest(zope_app())


def public_url():
    port = os.environ.get("COORDACTION_PORT", "8080")
    return os.environ.get("COORDACTION_PUBLIC_URL", f"http://localhost:{port}").rstrip(
        "/"
    )


def set_server_url(app, url):
    """Make absolute_url() give the public address instead of makerequest's
    ``http://foo``: the catalog keeps some absolute links."""
    parts = urlsplit(url)
    default_port = "443" if parts.scheme == "https" else "80"
    app.REQUEST.setServerURL(
        protocol=parts.scheme,
        hostname=parts.hostname,
        port=str(parts.port or default_port),
    )


def ensure_admin(app, login, password):
    users = app.acl_users
    if users.getUserById(login) is None:
        users._doAddUser(login, password, ["Manager"], [])
    elif IPluggableAuthService.providedBy(users):
        # Creating a Plone site turns the root user folder into a PAS, whose
        # _doChangeUser (patched by PlonePAS) needs plugins the root has not got.
        plugins = users.plugins
        for _id, manager in plugins.listPlugins(IUserAdderPlugin):
            if login in manager.listUserIds():
                manager.updateUserPassword(login, password)
        for _id, manager in plugins.listPlugins(IRoleAssignerPlugin):
            manager.assignRoleToPrincipal("Manager", login)
    else:
        users._doChangeUser(login, password, ["Manager"], [])
    return users.getUserById(login).__of__(users)


def zope_conf_argument(argv, usage):
    """The one argument of a script, its zope.conf; None, with ``usage`` printed,
    when it is not alone."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(usage)
        return None
    return argv[0]


@contextmanager
def zope_as_admin(zope_conf, login=None, password=None):
    """The Zope app of ``zope_conf``, as the Zope administrator (of the environment
    unless given), at the portal's public address. Whatever happens, the database
    is closed at the end."""
    if login is None:
        login, password = admin_login()
    app = open_zope_app(zope_conf)
    set_server_url(app, public_url())
    newSecurityManager(None, ensure_admin(app, login, password))
    try:
        yield app
    finally:
        noSecurityManager()
        # Close the database cleanly: the server started next opens it without
        # having to rebuild the FileStorage index.
        app._p_jar.db().close()


def existing_site(app, site_id):
    """The site, made the current one; None, once said, when it does not exist."""
    if site_id not in app.objectIds():
        print(
            f"Le site « {site_id} » n'existe pas : créez-le d'abord (make create-site).",
            file=sys.stderr,
        )
        return None
    site = app[site_id]
    setSite(site)
    return site
