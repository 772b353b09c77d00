#pragma once

#include "app/auth/CredentialProfile.h"
#include "app/auth/CredentialProfileModel.h"

#include <QDialog>

#include <optional>

class QComboBox;

namespace Playground {

/** What the user chose when adding a profile. */
struct NewProfileChoice {
    CredentialProfile::Kind kind = CredentialProfile::Kind::PersonalAccessToken;
    QList<int> path; ///< where in the collection (empty: the whole collection)
};

/** Asks which kind of profile to add and where in the collection it applies. */
class AddProfileDialog : public QDialog {
    Q_OBJECT
public:
    AddProfileDialog(const QList<ProfileLocation> &locations, QWidget *parent = nullptr);

    NewProfileChoice choice() const;

    /** Runs the dialog; nullopt when cancelled or when there is no free location. */
    static std::optional<NewProfileChoice> ask(
        const QList<ProfileLocation> &locations, QWidget *parent);

private:
    QList<ProfileLocation> m_locations;
    QComboBox *m_kind;
    QComboBox *m_location;
};

} // namespace Playground
