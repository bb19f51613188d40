using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Jobs.Tests.Nodes;

/// <summary>
/// The layout of deploy/: three real API processes on one PostgreSQL database and one Redis, behind nginx started from
/// deploy/nginx.conf (ports rewritten). A registration rush goes through the proxy while one node is SIGKILLed half way;
/// clients retry through the proxy. Postings written on one node must be searchable on the others within 2 s.
/// </summary>
public sealed class ThreeNodeProxyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Capacity = 1000;
    private const int Graduates = 3000;
    private const int KillAfterResponses = Graduates / 2;
    private const int InFlight = 64;
    private const int Attempts = 10;
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(2);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "jobs-tests", "three-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = TestRedis.UniquePrefix("three");
    private readonly List<NodeProcess> _processes = [];

    /// <summary>One fresh PostgreSQL database for the whole deployment.</summary>
    private SharedDatabase _database = null!;

    /// <summary>The setup host's folder; its marker file names the database, so <see cref="TestDatabase"/> reaches it.</summary>
    private string SetupFolder => Path.Combine(_root, "setup");

    private string DatabasePath => Path.Combine(SetupFolder, "jobs.db");

    [ThreeNodeFact]
    public async Task Register_NodeKilledMidRushBehindProxy_ExactlyCapacitySeatedAndSearchFollows()
    {
        var watch = Stopwatch.StartNew();
        var (fairId, employerToken, graduates) = await PrepareAsync();
        Log($"fair {fairId} with {Capacity} seats and {Graduates} graduates ready in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var nodes = await Task.WhenAll(new[] { "a", "b", "c" }.Select(StartNodeAsync));
        var (a, b, c) = (nodes[0], nodes[1], nodes[2]);
        var proxy = await StartProxyAsync(nodes);
        Log($"nodes {string.Join(", ", nodes.Select(n => $"{n.Name}:{n.Port}"))} and nginx :{proxy.Port} up in {watch.Elapsed.TotalSeconds:F1} s");
        try
        {
            using var direct = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            // A node's first search compiles and warms its searcher; that is start-up, not how long a change takes to arrive.
            foreach (var node in nodes)
            {
                await direct.GetStringAsync(Url(node, "/api/postings/search?q=" + Uri.EscapeDataString("教练")));
            }

            // Written on one node, found on each of the others.
            var first = await CreatePostingAsync(direct, Url(a, "/api/postings"), employerToken, "深海潜水教练");
            await WaitSearchableEverywhereAsync(direct, [b, c], "深海潜水教练", first);

            // The rush, through the proxy, with one node killed half way.
            watch.Restart();
            var responded = 0;
            var killed = Task.CompletedTask;
            using var viaProxy = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlight })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{proxy.Port}"),
                Timeout = TimeSpan.FromSeconds(60),
            };
            using var gate = new SemaphoreSlim(InFlight, InFlight);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rush = graduates.Select(async g =>
            {
                await go.Task;
                return await RegisterWithRetriesAsync(viaProxy, gate, fairId, g, () =>
                {
                    if (Interlocked.Increment(ref responded) == KillAfterResponses)
                    {
                        killed = c.KillAsync();
                    }
                });
            }).ToArray();
            go.SetResult();
            var replies = await Task.WhenAll(rush);
            await killed;
            Assert.True(c.Killed, "the node was not killed during the rush");
            var retried = replies.Count(r => r.Attempts > 1);
            Log($"rush of {Graduates} over in {watch.Elapsed.TotalSeconds:F1} s; {c.Name} killed after {KillAfterResponses} responses; " +
                $"{retried} needed a retry (most attempts {replies.Max(r => r.Attempts)}); failures seen: " +
                string.Join(", ", replies.SelectMany(r => r.Failures).GroupBy(f => f).Select(f => $"{f.Key} ×{f.Count()}")));

            // Everyone got an answer in the end: 201, or 200 when a retry found the registration a lost answer had stored.
            var unanswered = replies.Where(r => r.Body is null).ToList();
            Assert.True(unanswered.Count == 0, $"{unanswered.Count} graduates never got a registration, e.g. {string.Join("; ", unanswered.Take(5).Select(r => string.Join(",", r.Failures)))}");
            Assert.True(replies.Any(r => r.Attempts > 1), "No request failed: the kill did not hit the rush.");

            var rows = await ReadRowsAsync(fairId);
            Assert.Equal(Graduates, rows.Count);
            Assert.Equal(Graduates, rows.Select(r => r.UserId).Distinct().Count());
            Assert.Equal(Capacity, rows.Count(r => r.Status == 0));
            // Arrival numbers 1..N without gaps; seats to the first arrivals, the waitlist after them in arrival order.
            Assert.Equal(Enumerable.Range(1, Graduates).Select(i => (long)i), rows.Select(r => r.Seq));
            Assert.All(rows, r => Assert.Equal(r.Seq <= Capacity ? 0 : 1, r.Status));
            var tickets = rows.Where(r => r.Status == 0).Select(r => r.Ticket).ToList();
            Assert.Equal(Capacity, tickets.Distinct().Count());
            Assert.All(tickets, Assert.NotNull);

            // Every answer given is what is stored.
            var stored = rows.ToDictionary(r => r.UserId);
            foreach (var reply in replies)
            {
                var row = stored[reply.UserId];
                var body = reply.Body!;
                Assert.True((body.Id, body.Arrival, body.Ticket, body.Status) == (row.Id, row.Seq, row.Ticket, row.Status == 0 ? "registered" : "waitlisted"),
                    $"user {reply.UserId} was answered {body} but {row} is stored");
                if (body.Status == "waitlisted")
                {
                    Assert.Equal<int?>((int)(body.Arrival - Capacity), body.Position);
                }
            }

            // Search still follows on the survivors: written through the proxy, found on both.
            var second = await CreatePostingAsync(viaProxy, "/api/postings", employerToken, "高原滑雪教练");
            await WaitSearchableEverywhereAsync(direct, [a, b], "高原滑雪教练", second);

            // The killed node comes back over its folder (its index never got the final commit) and catches up from the log.
            watch.Restart();
            var back = await StartNodeAsync("c");
            Log($"{c.Name} restarted in {watch.Elapsed.TotalSeconds:F1} s");
            // Its first search warms it; then the posting written while it was dead and the one written now are both there.
            await direct.GetStringAsync(Url(back, "/api/postings/search?q=" + Uri.EscapeDataString("教练")));
            var third = await CreatePostingAsync(direct, Url(a, "/api/postings"), employerToken, "雪山向导");
            await Task.WhenAll(new[] { "深海潜水教练", "高原滑雪教练", "雪山向导" }.Select(title => WaitSearchableAsync(direct, back, title, third)));
        }
        catch
        {
            foreach (var p in _processes)
            {
                Log($"--- {p.Name}{(p.Killed ? " (killed by the test)" : "")} ---\n{p.Tail(80)}");
            }

            throw;
        }
    }

    // ---- setup -------------------------------------------------------------------------------------------------------

    private sealed record Graduate(long UserId, string Token);

    /// <summary>Schema, an organiser with an open fair and a verified employer through an in-process host; then the graduates' rows.</summary>
    private async Task<(long FairId, string EmployerToken, IReadOnlyList<Graduate> Graduates)> PrepareAsync()
    {
        long fairId;
        string employerToken;
        await using (var host = new NodeFactory(SetupFolder, _database))
        {
            var organiser = await host.CreateOrganiserAsync("南京");
            fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(host, attendees: Capacity));
            var employer = await host.RegisterEmployerAsync();
            employerToken = employer.AccessToken;
        }

        var graduates = await FairTestKit.AddGraduatesAsync(DatabasePath, Graduates, "three");
        return (fairId, employerToken, graduates.Select(g => new Graduate(g.UserId, g.Token)).ToList());
    }

    private async Task<NodeProcess> StartNodeAsync(string name)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage__DataDirectory"] = Path.Combine(_root, "node-" + name),
            ["ConnectionStrings__Postgres"] = _database.Postgres!,
            ["Storage__SeedDemoData"] = "false",
            ["Admin__Email"] = JobsApiFactory.AdminEmail,
            ["Admin__Password"] = JobsApiFactory.AdminPassword,
            ["Auth__SigningKey"] = FairTestKit.TestSigningKey,
            ["Auth__TokenLifetimeMinutes"] = "43200",
            ["BackgroundJobs__WorkerCount"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ConnectionStrings__Redis"] = TestRedis.Address,
            ["BackgroundJobs__RedisPrefix"] = _prefix + "hangfire:",
            ["BackgroundJobs__RedisLockPrefix"] = _prefix + "lock:",
            ["BackgroundJobs__RedisSeatPrefix"] = _prefix + "seats:",
            ["BackgroundJobs__RedisChannelPrefix"] = _prefix + "events:",
            ["Web__DataProtectionRedisKey"] = _prefix + "keys",
            // The minutely reconciliation must not release a dead request's decision before its retry (a slow machine).
            ["Fairs__SeatReconcileGraceSeconds"] = "3600",
        };
        foreach (var (key, value) in JobsApiFactory.HighRateLimitsEnvironment)
        {
            settings[key] = value;
        }

        var node = await NodeProcess.StartApiAsync(name, settings, TimeSpan.FromSeconds(180));
        lock (_processes)
        {
            _processes.Add(node);
        }

        return node;
    }

    /// <summary>nginx from deploy/nginx.conf with the three nodes' ports and a free port of its own, files in a temp prefix.</summary>
    private async Task<NodeProcess> StartProxyAsync(IReadOnlyList<NodeProcess> nodes)
    {
        var prefix = Path.Combine(_root, "proxy");
        Directory.CreateDirectory(prefix);
        var config = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx.conf"));
        for (var i = 0; i < nodes.Count; i++)
        {
            config = Replace(config, $"127.0.0.1:{5101 + i}", $"127.0.0.1:{nodes[i].Port}");
        }

        var port = NodeProcess.FreePort();
        config = Replace(config, "listen 8080;", $"listen 127.0.0.1:{port};");
        if (Environment.UserName == "root")
        {
            // Workers would otherwise run as nobody and could not write their temp files under the test's prefix.
            config = "user root;\n" + config;
        }

        var path = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var proxy = await NodeProcess.StartNginxAsync(ThreeNodeFactAttribute.Nginx, prefix, path, port, "/proxy-health", TimeSpan.FromSeconds(20));
        _processes.Add(proxy);
        return proxy;
    }

    private static string Replace(string text, string what, string with)
    {
        Assert.True(text.Contains(what, StringComparison.Ordinal), $"deploy/nginx.conf no longer contains “{what}”");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Jobs.sln not found above the test binaries.");
    }

    // ---- requests ----------------------------------------------------------------------------------------------------

    private sealed record Attendee(long Id, long FairId, string Status, string? Ticket, int? Position, long Arrival);

    /// <summary>A graduate's final answer (null when every attempt failed), how many attempts it took and what failed on the way.</summary>
    private sealed record Reply(long UserId, Attendee? Body, int Attempts, List<string> Failures);

    private static async Task<Reply> RegisterWithRetriesAsync(HttpClient proxy, SemaphoreSlim gate, long fairId, Graduate graduate, Action onResponse)
    {
        var failures = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await gate.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/fairs/{fairId}/attendees") { Content = JsonContent.Create(new { }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", graduate.Token);
                using var response = await proxy.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                onResponse();
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    return new Reply(graduate.UserId, JsonSerializer.Deserialize<Attendee>(text, ApiClient.Json), attempt, failures);
                }

                failures.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                {
                    // Anything else is an answer, and a wrong one.
                    return new Reply(graduate.UserId, null, attempt, [.. failures, text]);
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                failures.Add(e.GetType().Name);
            }
            finally
            {
                gate.Release();
            }

            await Task.Delay(100 * attempt);
        }

        return new Reply(graduate.UserId, null, Attempts, failures);
    }

    private static string Url(NodeProcess node, string path) => $"http://127.0.0.1:{node.Port}{path}";

    /// <summary>Creates the posting; the returned watch runs from the moment the write was answered.</summary>
    private static async Task<Stopwatch> CreatePostingAsync(HttpClient client, string url, string token, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(ApiClient.ValidPosting(title: title)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var written = Stopwatch.StartNew();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating “{title}”: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return written;
    }

    /// <summary>Polls every node at once (one node's slow answer must not eat the others' time) and logs when each found it.</summary>
    private async Task WaitSearchableEverywhereAsync(HttpClient client, NodeProcess[] nodes, string title, Stopwatch sinceWrite)
    {
        var found = await Task.WhenAll(nodes.Select(node => WaitSearchableAsync(client, node, title, sinceWrite)));
        Log($"“{title}” found " + string.Join(", ", nodes.Zip(found, (n, t) => $"on {n.Name} by a search sent {t.TotalMilliseconds:F0} ms after the write")));
    }

    /// <summary>
    /// Polls the node's search until the title is found; returns when (after the write) the finding search was sent, and
    /// fails when no search sent within <see cref="Visible"/> found it. The send time counts, not the answer's arrival: on
    /// this shared 2-core machine one answer can take longer than the catch-up itself.
    /// </summary>
    private static async Task<TimeSpan> WaitSearchableAsync(HttpClient client, NodeProcess node, string title, Stopwatch sinceWrite)
    {
        while (true)
        {
            var sent = sinceWrite.Elapsed;
            Assert.True(sent <= Visible, $"“{title}” not searchable on node {node.Name} within {Visible.TotalSeconds} s of the write");
            var json = JsonNode.Parse(await client.GetStringAsync(Url(node, "/api/postings/search?q=" + Uri.EscapeDataString($"\"{title}\""))))!;
            if ((int)json["total"]! == 1)
            {
                return sent;
            }

            await Task.Delay(50);
        }
    }

    // ---- stored state ------------------------------------------------------------------------------------------------

    /// <summary>A stored registration; Status 0 registered, 1 waitlisted.</summary>
    private sealed record Row(long Id, long UserId, long Seq, int Status, string? Ticket);

    private async Task<List<Row>> ReadRowsAsync(long fairId)
    {
        await using var connection = await TestDatabase.OpenAsync(DatabasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "UserId", "Seq", "Status", "Ticket" FROM "FairRegistrations" WHERE "FairId" = @fair ORDER BY "Seq";""";
        command.Add("@fair", fairId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    private void Log(string line) => output.WriteLine($"[{DateTime.Now:HH:mm:ss.fff}] {line}");

    public Task InitializeAsync()
    {
        _database = SharedDatabase.Create(_root, postgres: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _processes)
        {
            await p.DisposeAsync();
        }

        await TestRedis.DeleteKeysAsync(_prefix);
        if (_database.Postgres is { } postgres)
        {
            TestPostgres.DropDatabase(postgres);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
