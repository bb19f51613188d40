using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Edge;

public class BodyLimitTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    private const long DeclaredUpload = 200L * 1024 * 1024;

    [Fact]
    public async Task Upload_GraduateWithLargeDeclaredBody_Refused403WithoutReadingTheBody()
    {
        var graduate = await factory.RegisterGraduateAsync();
        // A real socket, and "Expect: 100-continue": Kestrel asks for the body only when the application starts reading
        // it, and the client sends none of it before. Had the server read (binding the form before the role check), the
        // whole 200 MiB would have been pulled.
        using var client = factory.ClientFrom("127.0.0.1", handler => handler.Expect100ContinueTimeout = TimeSpan.FromMinutes(2));
        var body = new CountingContent(DeclaredUpload);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = body };
        request.Headers.Authorization = graduate.Client.DefaultRequestHeaders.Authorization;
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        // 200 MiB is under the upload limit, so only the role can have refused it.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, body.BytesPulled);
    }

    [Fact]
    public async Task Upload_OrganiserBodyAboveTheSignedInLimit_ReachesTheHandler()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("南京"), "city" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("external_id,title\n" + new string('x', 2 * 1024 * 1024))), "file", "nanjing.csv" },
        };

        var response = await organiser.Client.PostAsync("/api/imports", form);

        // Not 413: the upload's own limit applies to the roles allowed to upload; the file itself is nonsense.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_AnonymousBodyOverAnonymousLimit_Returns413ButSignedInSameSizeDoesNot()
    {
        var padding = new string('长', 40_000); // ~120 KB of UTF-8: over 64 KiB, under 1 MiB
        var anonymous = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = ApiClient.UniqueEmail("big"), password = "Passw0rd!", role = "graduate", displayName = padding });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var employer = await factory.RegisterEmployerAsync();
        var signedIn = await employer.Client.PostAsJsonAsync("/api/postings", new { title = padding });
        Assert.Equal(HttpStatusCode.BadRequest, signedIn.StatusCode);
    }

    /// <summary>A body of <paramref name="length"/> declared bytes, produced only as the transport pulls it, counting what it pulled.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        private long _pulled;

        public long BytesPulled => Interlocked.Read(ref _pulled);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var sent = 0L; sent < length; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, length - sent);
                Interlocked.Add(ref _pulled, size);
                await stream.WriteAsync(chunk.AsMemory(0, size), cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
