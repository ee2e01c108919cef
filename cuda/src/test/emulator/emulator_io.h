// The command-line side of the emulator programs (jacobi_emulator.cpp, dense_emulator.cpp): integer
// arguments and raw little-endian array files, each failure one line on stderr and exit status 2.
#pragma once
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace emu {

// The program's name, the prefix of its messages.
inline std::string program = "emulator";

[[noreturn]] inline void fail(const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), message.c_str());
    std::exit(2);
}

// The integer text in [low, 2^30], or a failure naming the argument.
inline int integer(const char* text, const char* name, long low) {
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < low || v > (1L << 30)) {
        fail(std::string(name) + " must be an integer in [" + std::to_string(low) + ", 2^30], got '" + text + "'");
    }
    return static_cast<int>(v);
}

inline int positive(const char* text, const char* name) {
    return integer(text, name, 1);
}

// Reads exactly count elements of T from path; a missing file is allowed when optional.
template <typename T>
std::vector<T> readArray(const std::string& path, std::size_t count, bool optional) {
    std::vector<T> data(count);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        if (optional) {
            return data;
        }
        fail("cannot open " + path + ": " + std::strerror(errno));
    }
    std::size_t got = std::fread(data.data(), sizeof(T), count, f);
    bool longer = std::fgetc(f) != EOF;
    std::fclose(f);
    if (got != count || longer) {
        fail(path + " must hold exactly " + std::to_string(count * sizeof(T)) + " bytes (" + std::to_string(count)
                + " values); it ends at or runs past byte " + std::to_string(got * sizeof(T)));
    }
    return data;
}

template <typename T>
void writeArray(const std::string& path, const std::vector<T>& data) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr || std::fwrite(data.data(), sizeof(T), data.size(), f) != data.size() || std::fclose(f) != 0) {
        fail("cannot write " + path + ": " + std::strerror(errno));
    }
}

}  // namespace emu
