// zlib for ChorusMock only: inflating Flate-compressed PDF streams and gzip archives.
// `inflateInit`/`inflateInit2` are macros, so they are wrapped here for Swift.
#include <zlib.h>

static inline int czlib_inflate_init(z_stream *_Nonnull stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
