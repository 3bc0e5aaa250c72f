/* How much of a copylint run is libhunspell's own work: an LD_PRELOAD shim
 * that times Hunspell_create, Hunspell_spell and Hunspell_destroy (the
 * calls copylint makes for a run without suggestions) and, at exit, writes
 * "load S lookups N S destroy S" (seconds of wall time summed over the
 * threads) to the file named by $HUNSPELL_TIME_OUT.
 *
 *   cc -O2 -shared -fPIC bench/hunspell-time.c -o hunspell-time.so -ldl
 *   HUNSPELL_TIME_OUT=out LD_PRELOAD=./hunspell-time.so copylint check ...
 *
 * bench/spelling.sh builds and uses it: no checker built on libhunspell can
 * be faster than the load plus one lookup per distinct word. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct Hunhandle Hunhandle;

static _Atomic long long load_ns, lookup_ns, destroy_ns, lookups;

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *real(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);
	if (!fn) {
		fprintf(stderr, "hunspell-time: no %s\n", name);
		abort();
	}
	return fn;
}

Hunhandle *Hunspell_create(const char *aff, const char *dic)
{
	static Hunhandle *(*create)(const char *, const char *);
	if (!create)
		create = (Hunhandle * (*)(const char *, const char *)) real("Hunspell_create");
	long long start = now_ns();
	Hunhandle *handle = create(aff, dic);
	load_ns += now_ns() - start;
	return handle;
}

int Hunspell_spell(Hunhandle *handle, const char *word)
{
	static int (*spell)(Hunhandle *, const char *);
	if (!spell)
		spell = (int (*)(Hunhandle *, const char *))real("Hunspell_spell");
	long long start = now_ns();
	int answer = spell(handle, word);
	lookup_ns += now_ns() - start;
	lookups++;
	return answer;
}

void Hunspell_destroy(Hunhandle *handle)
{
	static void (*destroy)(Hunhandle *);
	if (!destroy)
		destroy = (void (*)(Hunhandle *))real("Hunspell_destroy");
	long long start = now_ns();
	destroy(handle);
	destroy_ns += now_ns() - start;
}

__attribute__((destructor)) static void write_totals(void)
{
	const char *path = getenv("HUNSPELL_TIME_OUT");
	FILE *fp = path ? fopen(path, "w") : NULL;
	if (!fp)
		return;
	fprintf(fp, "load %.3f lookups %lld %.3f destroy %.3f\n", (double)load_ns / 1e9, (long long)lookups,
		(double)lookup_ns / 1e9, (double)destroy_ns / 1e9);
	fclose(fp);
}
