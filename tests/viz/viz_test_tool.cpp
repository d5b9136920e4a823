// Helper for the viewer's end-to-end tests: checks PNG screenshots (not
// blank, different where they should differ), makes damaged run files, and
// prints a run file's live changes through the library's reader.
#include <SFML/Graphics/Image.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "sim/io/hdf5_util.hpp"
#include "sim/io/run_reader.hpp"

namespace fs = std::filesystem;

namespace {

int usage() {
    std::fputs(
        "usage: viz_test_tool not-blank IMAGE.png\n"
        "       viz_test_tool differ A.png B.png [X Y W H]   (region in pixels; both images the same size)\n"
        "       viz_test_tool differ-regions IMAGE.png X1 Y1 X2 Y2 W H   (two regions of one image)\n"
        "       viz_test_tool make-bad-files RUN.h5 DIR   (truncated, text, foreign HDF5, wrong version)\n"
        "       viz_test_tool changes RUN.h5\n",
        stderr);
    return 2;
}

bool load(const char* file, sf::Image& image) {
    if (image.loadFromFile(file)) return true;
    std::fprintf(stderr, "cannot read %s\n", file);
    return false;
}

// Not blank: many colours and a real spread of lightness.
int not_blank(const char* file) {
    sf::Image image;
    if (!load(file, image)) return 1;
    const auto size = image.getSize();
    double sum = 0, sum2 = 0;
    std::set<sf::Uint32> colours;
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            const double l = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
            sum += l;
            sum2 += l * l;
            if (colours.size() < 5000) colours.insert(c.toInteger());
        }
    const double n = static_cast<double>(size.x) * size.y;
    const double variance = sum2 / n - (sum / n) * (sum / n);
    std::printf("%s: %ux%u, lightness variance %.1f, %zu+ colours\n", file, size.x, size.y, variance, colours.size());
    return variance > 150 && colours.size() > 50 ? 0 : 1;
}

double differing_fraction(const sf::Image& a, unsigned ax, unsigned ay, const sf::Image& b, unsigned bx, unsigned by,
                          unsigned w, unsigned h) {
    std::size_t differing = 0;
    for (unsigned y = 0; y < h; ++y)
        for (unsigned x = 0; x < w; ++x) {
            const sf::Color p = a.getPixel(ax + x, ay + y), q = b.getPixel(bx + x, by + y);
            if (std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 30) ++differing;
        }
    return static_cast<double>(differing) / (static_cast<double>(w) * h);
}

bool in_bounds(const sf::Image& image, unsigned x, unsigned y, unsigned w, unsigned h) {
    return w > 0 && h > 0 && x + w <= image.getSize().x && y + h <= image.getSize().y;
}

int differ(int argc, char** argv) {
    sf::Image a, b;
    if (!load(argv[2], a) || !load(argv[3], b)) return 1;
    if (a.getSize() != b.getSize()) {
        std::fprintf(stderr, "the images differ in size\n");
        return 1;
    }
    unsigned x = 0, y = 0, w = a.getSize().x, h = a.getSize().y;
    if (argc == 8) x = std::atoi(argv[4]), y = std::atoi(argv[5]), w = std::atoi(argv[6]), h = std::atoi(argv[7]);
    if (!in_bounds(a, x, y, w, h)) return usage();
    const double fraction = differing_fraction(a, x, y, b, x, y, w, h);
    std::printf("%.2f%% of pixels differ\n", 100 * fraction);
    return fraction > 0.005 ? 0 : 1;
}

int differ_regions(char** argv) {
    sf::Image image;
    if (!load(argv[2], image)) return 1;
    const unsigned x1 = std::atoi(argv[3]), y1 = std::atoi(argv[4]), x2 = std::atoi(argv[5]), y2 = std::atoi(argv[6]);
    const unsigned w = std::atoi(argv[7]), h = std::atoi(argv[8]);
    if (!in_bounds(image, x1, y1, w, h) || !in_bounds(image, x2, y2, w, h)) return usage();
    const double fraction = differing_fraction(image, x1, y1, image, x2, y2, w, h);
    std::printf("%.2f%% of pixels differ between the regions\n", 100 * fraction);
    return fraction > 0.005 ? 0 : 1;
}

int make_bad_files(const fs::path& run, const fs::path& dir) {
    fs::create_directories(dir);
    fs::copy_file(run, dir / "truncated.h5", fs::copy_options::overwrite_existing);
    fs::resize_file(dir / "truncated.h5", fs::file_size(run) / 2);
    std::FILE* text = std::fopen((dir / "text.h5").c_str(), "w");
    std::fputs("day,trust\n0,0.5\n", text);
    std::fclose(text);
    jiceng::h5::silence_errors();
    {
        jiceng::h5::Handle f(H5Fcreate((dir / "foreign.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                             "create");
        const double values[3] = {1, 2, 3};
        jiceng::h5::write_dataset(f, "temperature", {3}, values);
    }
    fs::copy_file(run, dir / "version.h5", fs::copy_options::overwrite_existing);
    {
        jiceng::h5::Handle f(H5Fopen((dir / "version.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
        jiceng::h5::check(H5Adelete(f, "format_version"), "delete format_version");
        jiceng::h5::write_attr(f, "format_version", std::int64_t{99});
    }
    return 0;
}

int changes(const char* file) {
    const jiceng::RunData run = jiceng::read_run(file);
    for (const auto& change : run.changes)
        std::printf("%lld %s %s\n", static_cast<long long>(change.day), change.key.c_str(), change.value.c_str());
    std::printf("days %lld\n", static_cast<long long>(run.days));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string command = argc > 1 ? argv[1] : "";
        if (command == "not-blank" && argc == 3) return not_blank(argv[2]);
        if (command == "differ" && (argc == 4 || argc == 8)) return differ(argc, argv);
        if (command == "differ-regions" && argc == 9) return differ_regions(argv);
        if (command == "make-bad-files" && argc == 4) return make_bad_files(argv[2], argv[3]);
        if (command == "changes" && argc == 3) return changes(argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "viz_test_tool: %s\n", e.what());
        return 1;
    }
    return usage();
}
