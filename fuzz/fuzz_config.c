/* Any bytes as .copylint.yml: an error or a config, never a crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "copylint/copylint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/copylint-fuzz-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		copylint_config *config = NULL;
		copylint_config_load(&config, path);
		copylint_config_free(config);
	}
	close(fd);
	unlink(path);
	return 0;
}
