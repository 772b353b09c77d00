#pragma once

class QLineEdit;

namespace Playground {

/**
 * A line edit's clear button, made when the field first holds text: the button shows only then,
 * and making it earlier costs the first screen an icon lookup per field.
 */
class ClearButtonOnDemand {
public:
    static void install(QLineEdit *edit);
};

} // namespace Playground
