namespace LocalGovBlog.Web.Hosting;

/// <summary>
/// Outside Development session and antiforgery cookies are Secure, so a site reached over plain HTTP
/// reads fine but fails every sign-in. Rather than look up and be broken, the server refuses to run
/// that way and says how to fix it.
/// </summary>
public static class TransportCheck
{
    /// <summary>Why the server must not run as it is bound, or null when it may.</summary>
    /// <param name="addresses">The addresses the server listens on (none for an in-memory test server).</param>
    public static string? Problem(IReadOnlyCollection<string> addresses, string environmentName, bool insecureHttp, bool proxyTrusted)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0 || insecureHttp || proxyTrusted || string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase)
            || addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return $"LocalGovBlog will not serve the {environmentName} site over plain HTTP ({string.Join(", ", addresses)}): "
            + "browsers would refuse its secure sign-in cookies and every sign-in would fail. Fix it one of two ways. "
            + "1) Give it a certificate: listen on an https:// address (ASPNETCORE_URLS=https://0.0.0.0:443) with "
            + "Kestrel:Certificates:Default:Path and Kestrel:Certificates:Default:Password. "
            + "2) Or run it behind a reverse proxy that terminates TLS and sends X-Forwarded-Proto and X-Forwarded-For, "
            + "and list the proxy's address in Proxy:TrustedAddresses (a proxy on this machine: Proxy__TrustedAddresses__0=127.0.0.1). "
            + $"For a lab without TLS, start it with {AppCommandLine.InsecureHttpFlag}.";
    }
}
