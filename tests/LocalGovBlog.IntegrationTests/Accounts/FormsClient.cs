using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary>
/// A client that behaves like a browser without JavaScript: keeps cookies, reads the antiforgery
/// token from the form it is about to submit, and does not follow redirects (tests look at them).
/// It speaks HTTPS to a host name that is not localhost, as the public does, so HSTS applies.
/// </summary>
public sealed class FormsClient
{
    public const string StrongPassword = "correct horse staple battery";

    private static readonly HtmlParser Parser = new();

    public FormsClient(ArchiveFactory factory, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        Http = factory.CreateDefaultClient(new Uri("https://localgovblog.test"), new CookieContainerHandler(Cookies));
    }

    /// <summary>A client of a server on a real port (<see cref="ArchiveFactory.WithKestrel"/>, or a published site behind
    /// nginx), seen coming from <paramref name="forwardedFor"/> when the app trusts loopback as its proxy, trusting
    /// <paramref name="certificate"/> (made for the test) for HTTPS. A host name other than localhost is reached on
    /// loopback, as if DNS named this machine.</summary>
    public FormsClient(Uri rootUri, string? forwardedFor = null, X509Certificate2? certificate = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        if (certificate is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        }
        Http = new HttpClient(handler) { BaseAddress = rootUri };
        if (forwardedFor is not null)
        {
            Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async Task<string> FormTokenAsync(string page)
    {
        var html = await Http.GetStringAsync(page, Cancel);
        var document = await Parser.ParseDocumentAsync(html, Cancel);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    /// <summary>Posts a form as the page at <paramref name="page"/> would, token included unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, IDictionary<string, string> fields, string? action = null, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = await FormTokenAsync(page);
        }
        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(values), Cancel);
    }

    public Task<HttpResponseMessage> RegisterAsync(string userName, string password = StrongPassword) =>
        PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    public Task<HttpResponseMessage> SignInAsync(string userName, string password = StrongPassword) =>
        PostFormAsync("/account/signin", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        });

    public Task<HttpResponseMessage> SignOutAsync() =>
        PostFormAsync("/account/signout", new Dictionary<string, string>());

    public async Task<CurrentUser?> MeAsync()
    {
        var response = await Http.GetAsync("/api/me", Cancel);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<CurrentUser>(Cancel) : null;
    }

    /// <summary>A JSON API call carrying the antiforgery token in its header, as the page scripts do.</summary>
    public async Task<HttpResponseMessage> SendApiAsync(HttpMethod method, string path, bool withToken = true, object? json = null)
    {
        using var request = await PrepareApiAsync(method, path, withToken, json);
        return await Http.SendAsync(request, Cancel);
    }

    /// <summary>The request <see cref="SendApiAsync"/> sends, ready to go, so tests can send several at the same moment.</summary>
    public async Task<HttpRequestMessage> PrepareApiAsync(HttpMethod method, string path, bool withToken = true, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        if (withToken)
        {
            var token = await Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery", Cancel);
            request.Headers.Add(token!.HeaderName, token.Token);
        }
        return request;
    }

    public sealed record CurrentUser(string Id, string UserName, List<string> Roles);

    private sealed record AntiforgeryToken(string HeaderName, string Token);
}
