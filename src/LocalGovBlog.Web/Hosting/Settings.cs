using System.Net;
using LocalGovBlog.Web.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Security;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Hosting;

/// <summary>
/// Every setting an operator can change, bound once from its section into a typed class that holds its
/// one default, and checked at start-up: a bad value stops the program with the setting's name instead
/// of misbehaving later. The README's settings table lists the same names and defaults (a test compares them).
/// </summary>
public static class Settings
{
    /// <summary>The settings classes and their configuration sections, in the README's order.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Documented { get; } =
    [
        (SiteOptions.Section, typeof(SiteOptions)),
        (ProxyOptions.Section, typeof(ProxyOptions)),
        (StoreOptions.Section, typeof(StoreOptions)),
        (SeedingOptions.Section, typeof(SeedingOptions)),
        (ImportSettings.Section, typeof(ImportSettings)),
        (SearchOptions.Section, typeof(SearchOptions)),
        (Caching.CacheOptions.Section, typeof(Caching.CacheOptions)),
        (RateLimitOptions.Section, typeof(RateLimitOptions)),
        (KeyProtectionOptions.Section, typeof(KeyProtectionOptions)),
    ];

    /// <param name="insecureHttp">Started with --insecure-http: a lab may serve plain HTTP.</param>
    /// <param name="serving">False for a command (backup, import…): how readers reach the site is not its concern.</param>
    public static IServiceCollection AddSettings(this IServiceCollection services, bool insecureHttp, bool serving)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>>(provider => new SiteValidation(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>(), insecureHttp, serving));

        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.TrustedAddresses.All(IsAddressOrNetwork),
                "Proxy:TrustedAddresses must hold IP addresses (127.0.0.1) or networks (10.0.0.0/8) only.")
            .ValidateOnStart();

        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .Validate(o => o.IsKnownProvider, $"Store:Provider must be {StoreOptions.Sqlite} or {StoreOptions.PostgreSql}.")
            .Validate(o => o.BusyTimeoutMilliseconds is >= 0 and <= 600_000,
                "Store:BusyTimeoutMilliseconds must be a whole number from 0 to 600000.")
            .ValidateOnStart();

        services.AddSingleton<IValidateOptions<StoreOptions>>(provider => new StoreConnectionValidation(provider.GetRequiredService<IConfiguration>()));

        services.AddOptions<SeedingOptions>().BindConfiguration(SeedingOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.SeedDirectory),
                "Import:SeedDirectory must name a folder (leave it out to use seeds/ beside the program).")
            .ValidateOnStart();

        services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.HouseAuthor) && o.HouseAuthor.Length <= 200,
                "Import:HouseAuthor must be a name of 1 to 200 characters.")
            .ValidateOnStart();

        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section)
            .Validate(o => o.RankLimit is >= 1 and <= 1_000_000, "Search:RankLimit must be a whole number from 1 to 1000000.")
            .Validate(o => o.FacetLimit is >= 1 and <= 100_000_000, "Search:FacetLimit must be a whole number from 1 to 100000000.")
            .ValidateOnStart();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.SignInPerMinute is >= 1 and <= 100_000, "RateLimits:SignInPerMinute must be a whole number from 1 to 100000.")
            .Validate(o => o.RegistrationsPerHour is >= 1 and <= 100_000, "RateLimits:RegistrationsPerHour must be a whole number from 1 to 100000.")
            .Validate(o => o.WritesPerMinute is >= 1 and <= 100_000, "RateLimits:WritesPerMinute must be a whole number from 1 to 100000.")
            .Validate(o => o.FailedSignInsBeforeLockout is >= 1 and <= 1_000, "RateLimits:FailedSignInsBeforeLockout must be a whole number from 1 to 1000.")
            .Validate(o => o.LockoutMinutes is >= 1 and <= 1_440, "RateLimits:LockoutMinutes must be a whole number from 1 to 1440.")
            .ValidateOnStart();

        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionValidation>();
        return services;
    }

    public static bool IsAddressOrNetwork(string? value) =>
        value is not null && (IPAddress.TryParse(value, out _) || (value.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(value, out _)));
}

/// <summary>The public address must be absolute, served over TLS outside Development, and a host that AllowedHosts admits.</summary>
internal sealed class SiteValidation(IConfiguration configuration, IHostEnvironment environment, bool insecureHttp, bool serving = true) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseAddress, UriKind.Absolute, out var address)
            || address.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            return ValidateOptionsResult.Fail(
                $"Site:PublicBaseAddress must be an absolute http:// or https:// address such as https://blog.example.org (it is '{options.PublicBaseAddress}').");
        }
        if (environment.IsDevelopment() || !serving)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (address.Scheme != "https" && !insecureHttp)
        {
            failures.Add($"Site:PublicBaseAddress must be the https:// address readers use (it is '{options.PublicBaseAddress}'); "
                + "set it, for example Site__PublicBaseAddress=https://blog.example.org, or start with --insecure-http for a lab without TLS.");
        }
        var allowed = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length == 0 || allowed.Contains("*"))
        {
            failures.Add($"AllowedHosts must name the site's host outside {environment.EnvironmentName} (it is '{configuration["AllowedHosts"]}'): "
                + $"set AllowedHosts={address.Host} so requests for other hosts are refused.");
        }
        else if (!allowed.Any(host => HostMatches(host, address.Host)))
        {
            failures.Add($"AllowedHosts ('{string.Join(';', allowed)}') does not admit '{address.Host}', the host of Site:PublicBaseAddress: "
                + "readers would be refused. Add it to AllowedHosts.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>As the host filtering middleware matches: exact names, or "*.example.org" for any subdomain.</summary>
    private static bool HostMatches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A PostgreSQL store needs a connection string Npgsql can read; SQLite has a default file.</summary>
internal sealed class StoreConnectionValidation(IConfiguration configuration) : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (!options.IsPostgreSql)
        {
            return ValidateOptionsResult.Success;
        }
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail("Store:Provider is PostgreSQL but ConnectionStrings:Default is not set: "
                + "give the server, for example ConnectionStrings__Default=\"Host=db.example.org;Database=localgovblog;Username=localgovblog\".");
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? ValidateOptionsResult.Fail("ConnectionStrings:Default must name the PostgreSQL server (Host=…) when Store:Provider is PostgreSQL.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Default is not a PostgreSQL connection string ({ex.Message}).");
        }
    }
}
