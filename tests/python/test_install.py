"""`cmake --install` puts a package the interpreter imports."""

import os
import subprocess
import sys

BUILD_DIR = os.environ["MTCLEAN_BUILD_DIR"]


def test_installed_package_imports_and_cleans(tmp_path):
    env = dict(os.environ, DESTDIR=str(tmp_path))
    subprocess.run(["cmake", "--install", BUILD_DIR, "--component", "python"], env=env,
                   check=True, capture_output=True, timeout=300)
    packages = [os.path.join(root) for root, dirs, files in os.walk(tmp_path)
                if "__init__.py" in files and os.path.basename(root) == "mtclean"]
    assert len(packages) == 1, packages
    installed = packages[0]
    assert os.path.exists(os.path.join(installed, "_mtclean.pyi"))
    assert os.path.exists(os.path.join(installed, "dask.py"))
    # The folder is the interpreter's site-packages, under DESTDIR.
    site = os.path.dirname(installed)[len(str(tmp_path)):]
    import sysconfig
    assert site == sysconfig.get_path("platlib")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = os.path.dirname(installed)
    text = ("Council backs new bus lanes\n\nCouncil backs new bus lanes\n\n"
            "The council voted on Monday to add bus lanes on the main road.\n")
    code = (f"import mtclean; r = mtclean.Cleaner(lang='en').clean({text!r});"
            "print(mtclean.__file__); print(repr(r.text))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    where, printed = done.stdout.splitlines()
    assert where.startswith(str(tmp_path))
    assert printed == repr(text.split("\n\n", 1)[1])  # the repeated headline went
