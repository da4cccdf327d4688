#include <zlib.h>

// inflateInit2 is a macro, which Swift does not import. 15 + 32: the largest window, and a gzip or zlib header
// detected automatically (S3 inventory files are gzip).
static inline int czlib_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
