#include "plancon/read.hpp"

#include <iostream>

int main(int argc, char** argv) {
    (void)argc;
    (void)argv;
    std::cout << "plancon " PLANCON_VERSION "\n";
    return 0;
}
