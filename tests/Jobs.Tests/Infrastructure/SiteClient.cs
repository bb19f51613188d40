using System.Net;
using System.Text.RegularExpressions;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// A browser without JavaScript, over the test server: keeps cookies, does not follow redirects, and posts forms the way
/// a page's form does (the antiforgery token read from the form it came from, plus the form's handler name).
/// </summary>
public sealed partial class SiteClient(JobsApiFactory factory)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    public string CookieHeader() => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> GetStringAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="path"/>, takes the antiforgery token of its form, and posts the fields to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, IReadOnlyDictionary<string, string> fields, string? formPage = null)
    {
        var page = await GetStringAsync(formPage ?? path);
        var token = TokenRegex().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? path}");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
        };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(body) });
    }

    /// <summary>Like <see cref="PostFormAsync"/>, as multipart/form-data with one file (a form with <c>enctype="multipart/form-data"</c>).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string path, string handler, IReadOnlyDictionary<string, string> fields,
        string fileField, byte[] file, string fileName, string contentType)
    {
        var page = await GetStringAsync(path);
        var token = TokenRegex().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        var body = new MultipartFormDataContent
        {
            { new StringContent(handler), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(token.Groups["value"].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(content, fileField, fileName);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body });
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null) =>
        PostFormAsync("/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = returnUrl ?? "",
        });

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader());
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenRegex();
}
