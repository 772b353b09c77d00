#pragma once

#include <QString>

class QTemporaryDir;

namespace Playground::Test {

class TestServer;

/** The bundled Digishare collection pointed at a loopback server, with an environment that
 * holds the fixture's token, as a user would have them: two files written into a folder. */
struct BundledFixture {
    QString collectionPath;
    QString environmentPath;
    QString error; ///< why the files could not be written (then the paths are empty)

    /** Reads the collection from the program's resources (:/digishare.postman_collection.json). */
    static BundledFixture write(const QTemporaryDir &dir, TestServer &server);
};

} // namespace Playground::Test
