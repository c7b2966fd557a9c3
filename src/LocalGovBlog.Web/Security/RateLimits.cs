using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Security;

/// <summary>
/// Limits on the requests worth abusing: sign-in and registration per client address, and
/// writes per signed-in user. A refused request gets 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var settings = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Please wait {response.Headers.RetryAfter} seconds and try again.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.Path.StartsWithSegments("/account/signin", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + client,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerMinute, Window = TimeSpan.FromMinutes(1) });
        }
        if (request.Path.StartsWithSegments("/account/register", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("register:" + client,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RegistrationsPerHour, Window = TimeSpan.FromHours(1) });
        }
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return RateLimitPartition.GetSlidingWindowLimiter("writes:" + (user ?? client),
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = settings.WritesPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6 });
    }
}
