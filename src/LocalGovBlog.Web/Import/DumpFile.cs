using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace LocalGovBlog.Web.Import;

/// <summary>Thrown when a dump cannot be imported at all; the message is meant for the person importing.</summary>
public sealed class ImportRejectedException(string message) : Exception(message);

/// <summary>
/// Checks a dump before anything is written: it exists, holds text, and is valid UTF-8 throughout.
/// Reads the file once in fixed-size chunks, so a large dump costs no memory.
/// </summary>
public static class DumpFile
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int ChunkSize = 64 * 1024;

    /// <summary>Returns the file's size in bytes, or throws <see cref="ImportRejectedException"/>.</summary>
    public static long Check(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportRejectedException($"No file at '{path}'.");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        Check(stream, Path.GetFileName(path));
        return stream.Length;
    }

    public static void Check(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            var carried = 0;
            long offset = 0;
            var line = 1L;
            var sawText = false;
            int read;
            while ((read = stream.Read(buffer, carried, ChunkSize)) > 0 || carried > 0)
            {
                var available = carried + read;
                var isFinal = read == 0;
                if (offset == 0 && available >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
                {
                    throw new ImportRejectedException($"'{name}' is UTF-16 text; save it as UTF-8 and import it again.");
                }
                var status = Utf8.ToUtf16(buffer.AsSpan(0, available), chars, out var bytesRead, out var charsWritten,
                    replaceInvalidSequences: false, isFinalBlock: isFinal);
                for (var i = 0; i < charsWritten; i++)
                {
                    var c = chars[i];
                    if (c == '\n')
                    {
                        line++;
                    }
                    else if (c == '\0' || (char.IsControl(c) && c is not ('\r' or '\t' or '\f')))
                    {
                        throw new ImportRejectedException(
                            $"'{name}' looks like a binary file, not a text dump (control character U+{(int)c:X4} on line {line}).");
                    }
                    else if (!sawText && !char.IsWhiteSpace(c) && c != '\uFEFF')
                    {
                        sawText = true;
                    }
                }
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    throw new ImportRejectedException(
                        $"'{name}' is not valid UTF-8: byte 0x{buffer[bytesRead]:X2} at offset {offset + bytesRead} (line {line}) is not UTF-8 text. Save the file as UTF-8 and import it again.");
                }
                // An incomplete character at a chunk's end waits for the next chunk; at the file's end it is InvalidData.
                carried = available - bytesRead;
                Array.Copy(buffer, bytesRead, buffer, 0, carried);
                offset += bytesRead;
                if (isFinal)
                {
                    break;
                }
            }
            if (!sawText)
            {
                throw new ImportRejectedException($"'{name}' is empty: there is nothing to import.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
