#include "ui/atomicsavefile.h"

#include <QDir>

namespace layerlens::ui {

AtomicSaveFile::AtomicSaveFile(const QString &path) : m_file(path)
{
    // Without the fallback QSaveFile would write in place when it cannot create a temporary file,
    // and a failure half-way would then leave a partial file.
    m_file.setDirectWriteFallback(false);
    if (!m_file.open(QIODevice::WriteOnly))
        fail(m_file.errorString());
}

AtomicSaveFile::~AtomicSaveFile()
{
    cancel();
}

void AtomicSaveFile::write(QByteArrayView data)
{
    if (failed())
        return;
    if (m_file.write(data.data(), data.size()) != data.size())
        fail(m_file.errorString());
}

bool AtomicSaveFile::commit()
{
    if (failed()) {
        cancel();
        return false;
    }
    if (!m_file.commit()) {
        fail(m_file.errorString());
        return false;
    }
    return true;
}

void AtomicSaveFile::cancel()
{
    if (m_file.isOpen()) {
        m_file.cancelWriting();
        m_file.commit(); // after cancelWriting() this only closes and removes the temporary file
    }
}

void AtomicSaveFile::fail(const QString &cause)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), cause);
    if (m_file.isOpen())
        m_file.cancelWriting();
}

} // namespace layerlens::ui
