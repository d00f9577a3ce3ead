"""Templates are compiled once and kept in Jinja's bytecode cache, not compiled again by every build and
every process."""

from __future__ import annotations

import subprocess
import sys

from gongkai.data.compiled_templates import bytecode_cache
from gongkai.pages.renderer import Renderer


def test_a_page_template_is_compiled_into_the_bytecode_cache():
    cache = bytecode_cache()
    assert cache is not None
    env = Renderer("zh-TW").env
    assert env.bytecode_cache is cache
    source, filename, _ = env.loader.get_source(env, "plan.md")
    bucket = cache.get_bucket(env, "plan.md", filename, source)
    env.get_template("plan.md")
    cache.load_bytecode(bucket)
    assert bucket.code is not None


def test_another_process_takes_the_compiled_template_from_the_cache():
    Renderer("zh-TW").env.get_template("plan.md")
    check = ("from gongkai.pages.renderer import Renderer\n"
             "env = Renderer('zh-TW').env\n"
             "env.compile = lambda *a, **k: (_ for _ in ()).throw(AssertionError('compiled again'))\n"
             "env.get_template('plan.md')\n")
    subprocess.run([sys.executable, "-c", check], check=True)
