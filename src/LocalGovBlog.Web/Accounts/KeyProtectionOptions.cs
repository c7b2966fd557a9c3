namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// The <c>DataProtection</c> settings. The keys that sign session cookies and antiforgery tokens live
/// in the store; with a certificate they are encrypted there, so a copy of the store file alone does
/// not let anyone forge a session.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding an RSA certificate and its private key; none by default.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password, if it has one (pass it through the environment, not a file in the repository).</summary>
    public string? CertificatePassword { get; set; }
}
