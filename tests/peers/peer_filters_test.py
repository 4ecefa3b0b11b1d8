#!/usr/bin/env python3
"""Tests of the peers' line filters (bench/peers/c4_filter.py and
justext_filter.py): their rules one by one on sentences written for these
tests, and both scripts end to end (stdin to stdout, bytes kept as they
were). Run by ctest as peers_filters; Python standard library only."""

import os
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     "..", ".."))
PEERS = os.path.join(ROOT, "bench", "peers")
sys.path.insert(0, PEERS)
import c4_filter  # noqa: E402
import justext_filter as jt  # noqa: E402
import peer_lines  # noqa: E402


def run(script, data, *args):
    done = subprocess.run([sys.executable, os.path.join(PEERS, script), *args],
                          input=data, capture_output=True, check=True)
    return done.stdout


# Sentences for the tests. LONG is over 200 characters with many function
# words (good for jusText); MEDIUM between 70 and 200 (near-good at best).
LONG = ("The harbour board said on Tuesday that the old ferry would stay in "
        "service for another year, because the new one that was ordered from "
        "the yard in the north has not been finished and will not be ready "
        "before the end of the summer.")
MEDIUM = ("It was the second time this year that the ferry had to be taken "
          "out of the water for repairs.")
LIST = ("Weather Sport Culture Business Opinion Travel Science Technology "
        "Health Education Archive Podcasts")


class C4LineRulesTest(unittest.TestCase):

    def test_terminal_marks(self):
        for line in ["The ferry left the harbour at noon.",
                     "Will the ferry leave the harbour today?",
                     "The ferry left the harbour at last!",
                     'He said: "The ferry leaves at noon."',
                     "Elle a dit : « Le bac part à midi »",
                     "Sie sagte: „Die Fähre fährt heute ab“"]:
            self.assertTrue(c4_filter.keep_line(line + "\n"), line)
        for line in ["The ferry left the harbour at noon",
                     "The ferry left the harbour at noon:",
                     "The ferry left the harbour at noon -"]:
            self.assertFalse(c4_filter.keep_line(line + "\n"), line)

    def test_white_space_at_the_ends_is_ignored(self):
        self.assertTrue(c4_filter.keep_line("  The ferry left at noon today.  \r\n"))

    def test_fewest_words(self):
        self.assertFalse(c4_filter.keep_line("The ferry left today.\n"))
        self.assertTrue(c4_filter.keep_line("The old ferry left today.\n"))
        self.assertTrue(c4_filter.keep_line("The ferry left.\n", min_words=3))
        self.assertFalse(c4_filter.keep_line("Ferry left.\n", min_words=3))

    def test_javascript_and_policy_notices(self):
        for line in ["Please turn on JavaScript to read the comments below.",
                     "By staying here you accept our Terms of Use and more.",
                     "Read our privacy policy before you sign up for it.",
                     "This site uses cookies to count the readers it has.",
                     "We use cookies so that the pages load a little faster."]:
            self.assertFalse(c4_filter.keep_line(line + "\n"), line)


class JusTextClassesTest(unittest.TestCase):

    def setUp(self):
        self.stop_words = jt.load_stop_words("en")

    def test_the_function_words_are_mtcleans(self):
        self.assertIn("the", self.stop_words)
        self.assertIn("of", self.stop_words)
        self.assertNotIn("ferry", self.stop_words)
        self.assertEqual(jt.load_stop_words("xx"), frozenset())

    def test_context_free_classes(self):
        self.assertEqual(jt.classify("Share this story:", self.stop_words), jt.SHORT)
        self.assertEqual(jt.classify(LONG, self.stop_words), jt.GOOD)
        self.assertEqual(jt.classify(MEDIUM, self.stop_words), jt.NEAR_GOOD)
        self.assertEqual(jt.classify(LIST, self.stop_words), jt.BAD)
        self.assertEqual(jt.classify(LONG + " \u00a9 The Harbour Post",
                                     self.stop_words), jt.BAD)

    def test_length_counts_white_space_runs_once(self):
        spaced = "Share   this   story   with   your   friends   and   family   today   please"
        self.assertLess(len(" ".join(spaced.split())), jt.LENGTH_LOW)
        self.assertEqual(jt.classify(spaced, self.stop_words), jt.SHORT)

    def test_revision(self):
        B, S, N, G = jt.BAD, jt.SHORT, jt.NEAR_GOOD, jt.GOOD
        cases = [
            ([G, S, G], [G, G, G]),        # short between good ones
            ([B, S, B], [B, B, B]),        # short between bad ones
            ([S, G], [B, G]),              # the edge counts as bad
            ([G, S, B], [G, B, B]),        # no near-good towards the bad one
            ([G, S, N, B], [G, G, G, B]),  # a near-good between it and the bad
            ([B, N, S, G], [B, G, G, G]),
            ([N], [B]),                    # near-good alone between the edges
            ([B, N, B], [B, B, B]),
            ([G, N, B], [G, G, B]),
            ([S, S], [B, B]),
        ]
        for classes, revised in cases:
            self.assertEqual(jt.revise(classes), revised, classes)

    def test_language_independent_mode(self):
        # No stop words: both thresholds are 0, so a long paragraph is good.
        self.assertEqual(jt.keep_paragraphs([LIST + " " + LIST + " " + LIST], frozenset()),
                         [True])
        self.assertEqual(jt.keep_paragraphs([LIST + " " + LIST + " " + LIST],
                                            self.stop_words), [False])


class BlankLinesTest(unittest.TestCase):

    def kept(self, lines, verdicts):
        raw = [l.encode() for l in lines]
        return b"".join(peer_lines.kept_lines(raw, lines, verdicts)).decode()

    def test_blank_runs_follow_their_neighbours(self):
        lines = ["\n", "A\n", "\n", "\n", "B\n", "\n", "C\n", "\n"]
        self.assertEqual(self.kept(lines, [0, 1, 0, 0, 1, 0, 1, 0]),
                         "\nA\n\n\nB\n\nC\n\n")
        self.assertEqual(self.kept(lines, [0, 1, 0, 0, 0, 0, 1, 0]), "\nA\nC\n\n")
        self.assertEqual(self.kept(lines, [0, 0, 0, 0, 1, 0, 0, 0]), "B\n")
        self.assertEqual(self.kept(["\n", " \n"], [0, 0]), "")


class EndToEndTest(unittest.TestCase):

    def test_c4_keeps_bytes_and_order(self):
        data = ("Home | News | Sport\n"
                "\n"
                "The ferry will stay in service for another year.\r\n"
                "Share this:\n"
                "\n"
                "The new ferry has not been finished at the yard yet.\n"
                "Leave a Reply\n").encode() + b"Bad byte \xff in this line, kept as it was."
        self.assertEqual(
            run("c4_filter.py", data),
            b"The ferry will stay in service for another year.\r\n"
            b"The new ferry has not been finished at the yard yet.\n"
            b"Bad byte \xff in this line, kept as it was.")

    def test_c4_min_words_option(self):
        self.assertEqual(run("c4_filter.py", b"The ferry left.\n", "--min-words", "3"),
                         b"The ferry left.\n")
        self.assertEqual(run("c4_filter.py", b"The ferry left.\n"), b"")

    def test_justext_keeps_the_story(self):
        data = "\n".join(["Home News Sport", "", LONG, "Photo: the ferry", MEDIUM,
                          "", "Share this:", LIST, ""]).encode()
        self.assertEqual(run("justext_filter.py", data, "--lang", "en"),
                         "\n".join([LONG, "Photo: the ferry", MEDIUM, ""]).encode())

    def test_justext_language(self):
        # Spanish function words make a Spanish paragraph good; with the
        # English list it has too few of them.
        story = ("El consejo de la ciudad dijo el martes que el puente viejo "
                 "seguirá abierto un año más, porque el nuevo que se encargó "
                 "a la empresa del norte no está terminado y no lo estará "
                 "antes del final del verano que viene.\n").encode()
        self.assertEqual(run("justext_filter.py", story, "--lang", "es"), story)
        self.assertEqual(run("justext_filter.py", story), b"")

    def test_empty_input(self):
        self.assertEqual(run("c4_filter.py", b""), b"")
        self.assertEqual(run("justext_filter.py", b""), b"")


if __name__ == "__main__":
    unittest.main()
