// Image kernels of org.mbp.cuda.CudaOps, the device side of org.mbp.nn.ImageOps.
//
// An image of shape H×W×C is a row-major (H·W)×C matrix: value (y, x, ch) sits at (y·W + x)·C + ch.
// Every kernel takes a stack of `count` images (a minibatch): image n in rows [n·H·W, (n+1)·H·W)
// of the input, its result in the same place of the output's stack. One launch covers the entries
// of all images; each thread derives the image from its linear index and computes as for that image
// alone. Every kernel mirrors org.mbp.nn.HostImageOps index for index; each output entry is computed
// by exactly one thread (a gather), so there are no atomics and no races. Sums accumulate in double,
// in the order HostImageOps adds them, and are rounded to T once, as HostImageOps does.
// Every operation is one __device__ template with entry points NAME_f32 and NAME_f64; all are 1-D
// grid-stride kernels launched with 256-thread blocks and any gridDim.x ≥ 1.

namespace mbp {

__device__ __forceinline__ long long firstIndex() {
    return static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ long long gridStride() {
    return static_cast<long long>(gridDim.x) * blockDim.x;
}

// Entry e of a stack of images with perImage output entries each: the image and the entry within it.
struct StackEntry {
    long long image;
    long long local;
};

__device__ __forceinline__ StackEntry stackEntry(long long e, long long perImage) {
    const long long image = e / perImage;
    return {image, e - image * perImage};
}

// Entry e of a (rows·width)×C image matrix as (row y, column x, channel ch).
struct ImageEntry {
    int y;
    int x;
    int ch;
};

__device__ __forceinline__ ImageEntry imageEntry(long long e, int width, int channels) {
    const long long pixel = e / channels;
    return {static_cast<int>(pixel / width), static_cast<int>(pixel % width), static_cast<int>(e % channels)};
}

// im2col of a k×k, padding-p, stride-1 convolution: for each image, out is (outHeight·outWidth) × (k²C)
// with out[oy·outWidth + ox][(dy·k + dx)·C + ch] = x(oy + dy − p, ox + dx − p, ch), 0 outside the image.
template <typename T>
__device__ void patches(const T* x, T* out, int count, int height, int width, int channels, int kernel,
                        int padding, int outHeight, int outWidth) {
    const long long rowLength = static_cast<long long>(kernel) * kernel * channels;
    const long long perImage = static_cast<long long>(outHeight) * outWidth * rowLength;
    const long long imageSize = static_cast<long long>(height) * width * channels;
    const long long total = count * perImage;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const StackEntry at = stackEntry(e, perImage);
        const long long location = at.local / rowLength;
        const int column = static_cast<int>(at.local % rowLength);
        const int oy = static_cast<int>(location / outWidth);
        const int ox = static_cast<int>(location % outWidth);
        const int ch = column % channels;
        const int offset = column / channels;
        const int y = oy + offset / kernel - padding;
        const int xx = ox + offset % kernel - padding;
        const bool inside = y >= 0 && y < height && xx >= 0 && xx < width;
        out[e] = inside ? x[at.image * imageSize + (static_cast<long long>(y) * width + xx) * channels + ch] : T(0);
    }
}

// col2im, the adjoint of patches, as a gather: for each image, out (H·W)×C with out(y, x, ch) the sum
// of the patch entries that copied it, over output locations (oy, ox) = (y − dy + p, x − dx + p)
// inside the output, in ascending (oy, ox) order (descending dy, then descending dx) like HostImageOps.
template <typename T>
__device__ void patchesAdjoint(const T* p, T* out, int count, int height, int width, int channels, int kernel,
                               int padding, int outHeight, int outWidth) {
    const long long rowLength = static_cast<long long>(kernel) * kernel * channels;
    const long long perImage = static_cast<long long>(height) * width * channels;
    const long long patchRows = static_cast<long long>(outHeight) * outWidth;
    const long long total = count * perImage;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const StackEntry stacked = stackEntry(e, perImage);
        const T* image = p + stacked.image * patchRows * rowLength;
        const ImageEntry at = imageEntry(stacked.local, width, channels);
        const int ch = at.ch;
        const int y = at.y;
        const int xx = at.x;
        double s = 0.0;
        for (int dy = kernel - 1; dy >= 0; --dy) {
            const int oy = y - dy + padding;
            if (oy < 0 || oy >= outHeight) {
                continue;
            }
            for (int dx = kernel - 1; dx >= 0; --dx) {
                const int ox = xx - dx + padding;
                if (ox >= 0 && ox < outWidth) {
                    const long long row = static_cast<long long>(oy) * outWidth + ox;
                    s += static_cast<double>(image[row * rowLength + (dy * kernel + dx) * channels + ch]);
                }
            }
        }
        out[e] = static_cast<T>(s);
    }
}

// Sum over each non-overlapping kh×kw window, per channel: for each image, out is (H/kh · W/kw) × C,
// each window summed in row-major order.
template <typename T>
__device__ void windowSum(const T* x, T* out, int count, int height, int width, int channels, int kh, int kw) {
    const int outWidth = width / kw;
    const long long perImage = static_cast<long long>(height / kh) * outWidth * channels;
    const long long imageSize = static_cast<long long>(height) * width * channels;
    const long long total = count * perImage;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const StackEntry stacked = stackEntry(e, perImage);
        const T* image = x + stacked.image * imageSize;
        const ImageEntry at = imageEntry(stacked.local, outWidth, channels);
        const int ch = at.ch;
        const int oy = at.y;
        const int ox = at.x;
        double s = 0.0;
        for (int wy = 0; wy < kh; ++wy) {
            const long long rowStart = static_cast<long long>(oy * kh + wy) * width + ox * kw;
            for (int wx = 0; wx < kw; ++wx) {
                s += static_cast<double>(image[(rowStart + wx) * channels + ch]);
            }
        }
        out[e] = static_cast<T>(s);
    }
}

// Adjoint of windowSum: for each image, out (H·W)×C with out(y, x, ch) = g(y / kh, x / kw, ch).
template <typename T>
__device__ void windowSpread(const T* g, T* out, int count, int height, int width, int channels, int kh, int kw) {
    const int outWidth = width / kw;
    const long long perImage = static_cast<long long>(height) * width * channels;
    const long long pooledSize = static_cast<long long>(height / kh) * outWidth * channels;
    const long long total = count * perImage;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const StackEntry stacked = stackEntry(e, perImage);
        const ImageEntry at = imageEntry(stacked.local, width, channels);
        out[e] = g[stacked.image * pooledSize + (static_cast<long long>(at.y / kh) * outWidth + at.x / kw) * channels
                   + at.ch];
    }
}

// For each image, out (H·W)×C is 1 where x holds its window's maximum, per channel, else 0: the first
// maximum in row-major window order (a later value wins only when strictly greater, so NaN never
// displaces). Each thread scans its own entry's window.
template <typename T>
__device__ void windowArgMaxMask(const T* x, T* out, int count, int height, int width, int channels, int kh,
                                 int kw) {
    const long long perImage = static_cast<long long>(height) * width * channels;
    const long long total = count * perImage;
    for (long long e = firstIndex(); e < total; e += gridStride()) {
        const StackEntry stacked = stackEntry(e, perImage);
        const T* image = x + stacked.image * perImage;
        const ImageEntry at = imageEntry(stacked.local, width, channels);
        const int ch = at.ch;
        const int y0 = at.y / kh * kh;
        const int x0 = at.x / kw * kw;
        long long best = -1;
        for (int wy = 0; wy < kh; ++wy) {
            for (int wx = 0; wx < kw; ++wx) {
                const long long index = (static_cast<long long>(y0 + wy) * width + x0 + wx) * channels + ch;
                if (best < 0 || image[index] > image[best]) {
                    best = index;
                }
            }
        }
        out[e] = best == stacked.local ? T(1) : T(0);
    }
}

}  // namespace mbp
using namespace mbp;

extern "C" __global__ void patches_f32(const float* x, float* out, int count, int height, int width, int channels,
                                       int kernel, int padding, int outHeight, int outWidth) {
    patches(x, out, count, height, width, channels, kernel, padding, outHeight, outWidth);
}
extern "C" __global__ void patches_f64(const double* x, double* out, int count, int height, int width, int channels,
                                       int kernel, int padding, int outHeight, int outWidth) {
    patches(x, out, count, height, width, channels, kernel, padding, outHeight, outWidth);
}

extern "C" __global__ void patches_adjoint_f32(const float* p, float* out, int count, int height, int width,
                                               int channels, int kernel, int padding, int outHeight, int outWidth) {
    patchesAdjoint(p, out, count, height, width, channels, kernel, padding, outHeight, outWidth);
}
extern "C" __global__ void patches_adjoint_f64(const double* p, double* out, int count, int height, int width,
                                               int channels, int kernel, int padding, int outHeight, int outWidth) {
    patchesAdjoint(p, out, count, height, width, channels, kernel, padding, outHeight, outWidth);
}

extern "C" __global__ void window_sum_f32(const float* x, float* out, int count, int height, int width, int channels,
                                          int kh, int kw) {
    windowSum(x, out, count, height, width, channels, kh, kw);
}
extern "C" __global__ void window_sum_f64(const double* x, double* out, int count, int height, int width, int channels,
                                          int kh, int kw) {
    windowSum(x, out, count, height, width, channels, kh, kw);
}

extern "C" __global__ void window_spread_f32(const float* g, float* out, int count, int height, int width,
                                             int channels, int kh, int kw) {
    windowSpread(g, out, count, height, width, channels, kh, kw);
}
extern "C" __global__ void window_spread_f64(const double* g, double* out, int count, int height, int width,
                                             int channels, int kh, int kw) {
    windowSpread(g, out, count, height, width, channels, kh, kw);
}

extern "C" __global__ void window_argmax_mask_f32(const float* x, float* out, int count, int height, int width,
                                                  int channels, int kh, int kw) {
    windowArgMaxMask(x, out, count, height, width, channels, kh, kw);
}
extern "C" __global__ void window_argmax_mask_f64(const double* x, double* out, int count, int height, int width,
                                                  int channels, int kh, int kw) {
    windowArgMaxMask(x, out, count, height, width, channels, kh, kw);
}
