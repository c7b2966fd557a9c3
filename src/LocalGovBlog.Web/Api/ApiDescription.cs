using System.Reflection;
using LocalGovBlog.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace LocalGovBlog.Web.Api;

/// <summary>
/// The OpenAPI description of the JSON API and the export files at <c>/openapi/v1.json</c>
/// (Microsoft.AspNetCore.OpenApi): each operation's summary comes from its mapping (<c>WithSummary</c>),
/// its error responses from <see cref="WithProblemResponses{TBuilder}"/>, and the antiforgery header
/// from the endpoints that require it.
/// </summary>
public static class ApiDescription
{
    public const string DocumentName = "v1";

    public const string ProblemContentType = "application/problem+json";

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("export/", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "LocalGovBlog API",
                    Version = DocumentName,
                    Description = "Articles, authors, themes and passage tags (W3C Web Annotations, offsets in Unicode code points), and the export files. "
                        + "Errors are RFC 7807 problem details. State-changing calls need a sign-in cookie and the token from GET /api/antiforgery in the X-CSRF-TOKEN header.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AntiforgeryHeaderMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = AntiforgeryHeaderMetadata.HeaderName,
                        In = ParameterLocation.Header,
                        Required = true,
                        Description = "The antiforgery token from GET /api/antiforgery (sent with the cookie that came with it).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    /// <summary>
    /// Declares the problem-details responses an endpoint can give, read from what it is: 401 and 403 when it
    /// needs a sign-in or a role, 400 when it takes the antiforgery header or answers problems of its own, 404 when
    /// its address names something, 429 for writes (the rate limiter counts every state-changing request).
    /// </summary>
    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var statuses = new SortedSet<int>();
            var answersProblems = metadata.OfType<MethodInfo>().Any(m => Mentions(m.ReturnType, typeof(ProblemHttpResult)));
            if (answersProblems || metadata.OfType<AntiforgeryHeaderMetadata>().Any())
            {
                statuses.Add(StatusCodes.Status400BadRequest);
            }
            if (metadata.OfType<IAuthorizeData>().Any())
            {
                statuses.Add(StatusCodes.Status401Unauthorized);
                statuses.Add(StatusCodes.Status403Forbidden);
            }
            if (answersProblems && endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }
            var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
            {
                statuses.Add(StatusCodes.Status429TooManyRequests);
            }
            foreach (var status in statuses.Where(s => !metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == s)))
            {
                metadata.Add(new ProblemResponse(status));
            }
        });
        return builder;
    }

    private static bool Mentions(Type type, Type wanted) =>
        type == wanted || (type.IsGenericType && type.GetGenericArguments().Any(t => Mentions(t, wanted)));

    private sealed class ProblemResponse(int statusCode) : IProducesResponseTypeMetadata
    {
        public Type? Type => typeof(ProblemDetails);

        public int StatusCode => statusCode;

        public string? Description => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);

        public IEnumerable<string> ContentTypes => [ProblemContentType];
    }
}
