/* The floor that libcsv sets: the clean drop's requests.csv parsed by libcsv alone, configured as
 * Jiceng configures it (strict, every line break reported, an unterminated quote an error, no byte
 * counted as space), with callbacks that only count, on one thread. Jiceng cannot read the file
 * in less CPU time than this, since libcsv parses every byte (issue 12). A benchmark helper, not
 * part of Jiceng: benchmark.sh builds it with the system C compiler.
 *
 *     cc -O2 -o libcsv_alone Benchmarks/libcsv_alone.c -lcsv && ./libcsv_alone FILE
 */
#include <csv.h>
#include <stdio.h>

static long fields, records;

static void on_field(void *bytes, size_t length, void *context) { (void)bytes, (void)length, (void)context; fields++; }
static void on_record(int terminator, void *context) { (void)terminator, (void)context; records++; }
static int no_space(unsigned char c) { (void)c; return 0; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: libcsv_alone FILE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) return 2;
    csv_set_space_func(&parser, no_space);
    static char block[1 << 20];
    size_t n;
    while ((n = fread(block, 1, sizeof block, file)) > 0) {
        if (csv_parse(&parser, block, n, on_field, on_record, NULL) != n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    csv_fini(&parser, on_field, on_record, NULL);
    csv_free(&parser);
    fclose(file);
    printf("%ld fields, %ld line breaks\n", fields, records);
    return 0;
}
