using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// Encrypts the Data Protection keys in the store with the certificate named by
/// <c>DataProtection:CertificatePath</c>, when there is one. Keys written before a certificate was
/// configured stay readable (they are plain XML) until they expire; new keys are encrypted.
/// </summary>
public static class KeyProtection
{
    /// <summary>
    /// Protects new keys with the configured certificate. It is read here, while services are registered,
    /// because Data Protection takes the certificate itself; a certificate that can't be loaded is left out
    /// here and reported, with its setting's name, by the start-up check (<see cref="KeyProtectionValidation"/>).
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        try
        {
            if (Load(settings) is { } certificate)
            {
                builder.ProtectKeysWithCertificate(certificate);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The start-up check fails on the same file and names the setting.
        }
        return builder;
    }

    /// <summary>The configured certificate, or null when none is configured. Throws with the reason when it can't be used.</summary>
    public static X509Certificate2? Load(KeyProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return null;
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        if (certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new CryptographicException("the file holds no RSA private key");
        }
        return certificate;
    }
}

/// <summary>Checks at start-up that the configured certificate opens, so a typo is not found at the first sign-in.</summary>
internal sealed class KeyProtectionValidation : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return ValidateOptionsResult.Success;
        }
        if (!File.Exists(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail($"DataProtection:CertificatePath names '{options.CertificatePath}', which does not exist.");
        }
        try
        {
            using var certificate = KeyProtection.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail(
                $"DataProtection:CertificatePath '{options.CertificatePath}' can't be used to protect keys: {ex.Message} "
                + "(it must be a .pfx with an RSA private key; check DataProtection:CertificatePassword).");
        }
    }
}
