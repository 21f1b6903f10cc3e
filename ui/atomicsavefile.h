#pragma once

#include <QByteArrayView>
#include <QSaveFile>
#include <QString>

namespace layerlens::ui {

/// A QSaveFile that remembers its first error, so a sequence of writes is checked once. The file
/// appears only on a successful commit(); after any failure, or when destroyed uncommitted, the
/// temporary file is removed and an existing file at the path stays as it was. Used on any one
/// thread (the worker for models and statistics, the UI thread for configs).
class AtomicSaveFile {
public:
    /// Opens the temporary file next to `path` (fails at once for a missing or read-only folder,
    /// or when `path` is a folder).
    explicit AtomicSaveFile(const QString &path);
    ~AtomicSaveFile();
    AtomicSaveFile(const AtomicSaveFile &) = delete;
    AtomicSaveFile &operator=(const AtomicSaveFile &) = delete;

    /// Appends `data`; does nothing once failed.
    void write(QByteArrayView data);
    /// Puts the complete file in place; false (and error() set) when anything failed.
    bool commit();
    /// Gives up: the temporary file is removed (cancelWriting), nothing appears.
    void cancel();
    /// Whether opening or a write failed.
    bool failed() const { return !m_error.isEmpty(); }
    /// "<path>: <cause>", or empty.
    const QString &error() const { return m_error; }

private:
    void fail(const QString &cause);

    QSaveFile m_file;
    QString m_error;
};

} // namespace layerlens::ui
