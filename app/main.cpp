#include "app/core/Version.h"

#include <cstdio>

int main(int argc, char *argv[])
{
    std::printf("%s %s\n", Playground::AppName, Playground::AppVersion);
    return 0;
}
