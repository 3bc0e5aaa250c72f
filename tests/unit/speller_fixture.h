/* The Hunspell wrapper on one of copylint's own tiny test dictionaries
 * (tests/fixtures/dict/NAME.aff and .dic), for the speller test suites. */
#ifndef COPYLINT_TESTS_SPELLER_FIXTURE_H
#define COPYLINT_TESTS_SPELLER_FIXTURE_H

#include "text/speller.h"

cl_speller *open_test_speller(const char *name);

#endif
