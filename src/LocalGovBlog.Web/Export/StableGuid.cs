using System.Security.Cryptography;
using System.Text;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// Name-based GUIDs (RFC 9562 version 5, SHA-1): the same theme, article or tag gets the same GUID in
/// every export, so a tool that imports a later export can tell what it already has.
/// </summary>
public static class StableGuid
{
    private static readonly Guid Namespace = new("6f1c1b7e-4d0a-5c2e-9a57-3f0b8f4c2d11");

    public static Guid For(string kind, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        // Made for every selection and coding of a project export: kept off the heap for the usual short names.
        var length = 16 + Encoding.UTF8.GetByteCount(kind) + 1 + Encoding.UTF8.GetByteCount(key);
        Span<byte> bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        var written = 16 + Encoding.UTF8.GetBytes(kind, bytes[16..]);
        bytes[written++] = (byte)':';
        Encoding.UTF8.GetBytes(key, bytes[written..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 names for version 5 GUIDs; nothing secret rests on it.
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>An account's GUID: its own id when that is a GUID (as ASP.NET Core Identity makes them), else one made from it.</summary>
    public static Guid ForUser(string userId) => Guid.TryParse(userId, out var id) ? id : For("user", userId);
}
