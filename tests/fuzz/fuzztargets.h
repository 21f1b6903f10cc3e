#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <span>
#include <string>
#include <string_view>

// One entry function per loader, shared by the libFuzzer executables (fuzz_<target>.cpp, built with
// LAYERLENS_BUILD_FUZZ) and the CTest replay of tests/fuzz/corpus and tests/fuzz/regression.
//
// An entry function returns an empty string when the loader accepts the input and the loader's
// message when it refuses it with one of its documented errors (json::ParseError, FileError,
// std::invalid_argument). Everything else is a bug: another exception leaves the function (and
// aborts the fuzzer), and a crash, a sanitizer report, a hang or a huge allocation stop it.
namespace layerlens::fuzz {

/// The input's bytes, as LLVMFuzzerTestOneInput receives them.
using Bytes = std::span<const std::uint8_t>;

/// The message of a documented refusal; an empty one is a bug too, since the user would be told nothing.
inline std::string refusal(const std::exception &error)
{
    std::string message = error.what();
    if (message.empty())
        std::abort();
    return message;
}

/// The input as text (JSON and CSV loaders take bytes as UTF-8 text).
inline std::string_view textOf(Bytes input)
{
    return {reinterpret_cast<const char *>(input.data()), input.size()};
}

/// core::json::parse, core::configFromJson and RunConfig::validate.
std::string runConfig(Bytes input);
/// core::json::parse and core::modelFromJson; a small model is also applied to a network built from its config.
std::string runModel(Bytes input);
/// core::parseCsv.
std::string runCsv(Bytes input);
/// core::parseIdx: the first 4 bytes (big-endian) give the length of the images part, the rest is the labels
/// part; either may be gzip.
std::string runIdx(Bytes input);
/// core::gunzip with a 16 MiB limit.
std::string runGzip(Bytes input);
/// ui::parseLesson.
std::string runPreset(Bytes input);

} // namespace layerlens::fuzz

/// Defines LLVMFuzzerTestOneInput calling `function`, except in the replay test (LAYERLENS_FUZZ_REPLAY).
#ifdef LAYERLENS_FUZZ_REPLAY
#define LAYERLENS_FUZZ_ENTRY(function)
#else
#define LAYERLENS_FUZZ_ENTRY(function)                                                                           \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)                            \
    {                                                                                                            \
        function(layerlens::fuzz::Bytes(data, size));                                                            \
        return 0;                                                                                                \
    }
#endif
