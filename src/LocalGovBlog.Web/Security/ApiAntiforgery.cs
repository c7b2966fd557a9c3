using Microsoft.AspNetCore.Antiforgery;

namespace LocalGovBlog.Web.Security;

/// <summary>
/// State-changing API calls carry the antiforgery token in the X-CSRF-TOKEN header (pages
/// embed it for their scripts); without a valid one the call is refused with 400.
/// </summary>
public static class ApiAntiforgery
{
    public static TBuilder RequireAntiforgeryHeader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AntiforgeryHeaderMetadata.Instance).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                return await next(context);
            }
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    title: "Missing or invalid antiforgery token",
                    detail: "Send the token from GET /api/antiforgery in the X-CSRF-TOKEN header.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            return await next(context);
        });
}

/// <summary>Marks an endpoint that wants the antiforgery token in X-CSRF-TOKEN, so the API description can say so.</summary>
public sealed class AntiforgeryHeaderMetadata
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static readonly AntiforgeryHeaderMetadata Instance = new();

    private AntiforgeryHeaderMetadata()
    {
    }
}
