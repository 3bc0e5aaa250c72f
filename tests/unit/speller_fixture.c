#include "speller_fixture.h"

#include <criterion/criterion.h>
#include <stdlib.h>

#include "util/alloc.h"

cl_speller *open_test_speller(const char *name)
{
	cl_speller *sp = NULL;
	char *aff = cl_sprintf("%s/fixtures/dict/%s.aff", COPYLINT_TEST_DIR, name);
	char *dic = cl_sprintf("%s/fixtures/dict/%s.dic", COPYLINT_TEST_DIR, name);
	cr_assert_eq(cl_speller_new(&sp, aff, dic), 0);
	free(aff);
	free(dic);
	return sp;
}
