using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Jobs.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Jobs.Tests.Fairs;

/// <summary>
/// Registration bursts against two real API processes sharing one SQLite file (and, with Redis, one seat state): seats go
/// exactly to the first <see cref="Capacity"/> arrivals, the rest wait in arrival order, and a process killed mid-burst loses
/// no registration it had answered; the people it failed get their place by retrying at the surviving process.
/// </summary>
public sealed class MultiProcessRegistrationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Capacity = 500;
    private const int Graduates = 2200;
    private const int KillAfterResponses = 600;
    private const string TicketPattern = "^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "jobs-tests", "burst-" + Guid.NewGuid().ToString("N"));
    private readonly string _hangfirePrefix = TestRedis.UniquePrefix("hangfire");
    private readonly string _lockPrefix = TestRedis.UniquePrefix("lock");
    private readonly string _seatPrefix = TestRedis.UniquePrefix("seats");
    private readonly List<ApiProcess> _processes = [];
    private bool _usedRedis;

    [Fact]
    public Task Register_TwoProcessesOnOneDatabase_SeatsExactlyCapacityInArrivalOrder() => CleanBurstAsync(redis: false);

    [RedisFact]
    public Task Register_TwoProcessesWithRedis_SeatsExactlyCapacityInArrivalOrder() => CleanBurstAsync(redis: true);

    [Fact]
    public Task Register_ProcessKilledMidBurst_LosesNoAcceptedRegistration() => KilledMidBurstAsync(redis: false);

    [RedisFact]
    public Task Register_ProcessKilledMidBurstWithRedis_LosesNoAcceptedRegistration() => KilledMidBurstAsync(redis: true);

    private async Task CleanBurstAsync(bool redis)
    {
        var watch = Stopwatch.StartNew();
        var setup = await PrepareAsync();
        Log($"fair {setup.FairId} and {Graduates} graduates ready in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var (a, b) = await StartPairAsync(redis);
        Log($"processes {a.Name} and {b.Name} healthy in {watch.Elapsed.TotalSeconds:F1} s");
        try
        {
            watch.Restart();
            var replies = await BurstAsync([a, b], setup.FairId, setup.Everyone);
            Log($"burst of {Graduates} answered in {watch.Elapsed.TotalSeconds:F1} s; {Latencies(replies)}");

            var unexpected = replies.Where(r => r.Code != HttpStatusCode.Created).ToList();
            Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {Graduates} first registrations were not 201:\n{Describe(unexpected)}");
            var outcomes = replies.Select(r => new Outcome(r.UserId, r.Body!)).ToList();
            AssertSeatedInArrivalOrder(outcomes);
            await AssertListingMatchesAsync(b, setup, outcomes);

            using var fairResponse = await a.Client.GetAsync($"/api/fairs/{setup.FairId}");
            var fair = await fairResponse.ReadObjectAsync();
            Assert.Equal(Capacity, (int)fair["counts"]!["registered"]!);
            Assert.Equal(Graduates - Capacity, (int)fair["counts"]!["waitlisted"]!);
            Assert.Equal(0, (int)fair["counts"]!["seatsLeft"]!);

            // Asking again, at the other process, gives back the same registration: one per person.
            var again = replies.Where(r => r.Body!.Status == "registered").Take(40)
                .Concat(replies.Where(r => r.Body!.Status == "waitlisted").Take(40)).ToList();
            var second = await Task.WhenAll(again.Select(r =>
                RegisterAsync(r.Via == a.Name ? b : a, setup.FairId, setup.Everyone[r.Index])));
            foreach (var (first, repeat) in again.Zip(second))
            {
                Assert.True(repeat.Code == HttpStatusCode.OK, Describe([repeat]));
                Assert.Equal(first.Body, repeat.Body);
            }

            var rows = await ReadRowsAsync(setup.FairId);
            Assert.Equal(Graduates, rows.Count);
            if (redis)
            {
                await AssertRedisAgreesAsync(setup.FairId, rows);
            }
        }
        catch
        {
            DumpProcessLogs();
            throw;
        }
    }

    private async Task KilledMidBurstAsync(bool redis)
    {
        var watch = Stopwatch.StartNew();
        var setup = await PrepareAsync();
        Log($"fair {setup.FairId} and {Graduates} graduates ready in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var (a, b) = await StartPairAsync(redis);
        Log($"processes {a.Name} and {b.Name} healthy in {watch.Elapsed.TotalSeconds:F1} s");
        try
        {
            watch.Restart();
            var responded = 0;
            var killedAfter = -1;
            var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killer = Task.Run(async () =>
            {
                await killNow.Task;
                killedAfter = Volatile.Read(ref responded);
                await b.KillAsync();
            });
            var replies = await BurstAsync([a, b], setup.FairId, setup.Everyone, onResponse: () =>
            {
                if (Interlocked.Increment(ref responded) == KillAfterResponses)
                {
                    killNow.TrySetResult();
                }
            });
            killNow.TrySetResult();
            await killer;

            var answered = replies.Where(r => r.Code is not null).ToList();
            var failed = replies.Where(r => r.Code is null).ToList();
            Log($"burst over in {watch.Elapsed.TotalSeconds:F1} s: {b.Name} killed after {killedAfter} responses; " +
                $"{answered.Count} answered ({answered.Count(r => r.Via == b.Name)} by {b.Name}), {failed.Count} failed; {Latencies(replies)}");
            Assert.True(answered.All(r => r.Code == HttpStatusCode.Created),
                $"A first registration was answered with something else than 201:\n{Describe(answered.Where(r => r.Code != HttpStatusCode.Created))}");
            Assert.True(failed.Count > 0, $"The kill after {killedAfter} responses came too late: every request was answered.");
            Assert.True(failed.All(r => r.Via == b.Name), $"Requests to the surviving process failed:\n{Describe(failed.Where(r => r.Via != b.Name))}");
            var accepted = answered.Select(r => new Outcome(r.UserId, r.Body!)).ToList();

            // Everything answered is stored, as answered; nothing is seated past capacity or out of arrival order.
            var afterKill = await ReadRowsAsync(setup.FairId);
            AssertNoDuplicates(afterKill);
            Assert.True(afterKill.Count(r => r.Status == "registered") <= Capacity);
            Assert.All(afterKill, r => Assert.True(r.Status == "registered" ? r.Seq <= Capacity : r.Status == "waitlisted" && r.Seq > Capacity,
                $"user {r.UserId}: {r.Status} with arrival {r.Seq}"));
            var rowsAfterKill = afterKill.ToDictionary(r => r.UserId);
            foreach (var o in accepted)
            {
                Assert.True(rowsAfterKill.TryGetValue(o.UserId, out var row), $"The answered registration of user {o.UserId} ({o.Attendee}) is not stored.");
                AssertSame(o.Attendee, row);
            }

            var decisions = redis ? await ReadRedisDecisionsAsync(setup.FairId) : null;
            if (decisions is null)
            {
                // The database decides: its arrival numbers have no gaps.
                Assert.Equal(Enumerable.Range(1, afterKill.Count).Select(i => (long)i), afterKill.Select(r => r.Seq));
            }
            else
            {
                // Redis decides and numbers without gaps; the database holds a subset (less what the dead process never wrote).
                Assert.Equal(Enumerable.Range(1, decisions.Count).Select(i => (long)i), decisions.Values.Select(d => d.Seq).Order());
                Assert.All(afterKill, r => Assert.Equal((r.Seq, r.Status), decisions[r.UserId]));
            }

            var orphans = decisions?.Where(d => !rowsAfterKill.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => d.Value)
                ?? new Dictionary<long, (long Seq, string Status)>();
            Log($"after the kill: {afterKill.Count} stored ({afterKill.Count - accepted.Count} stored but never answered)" +
                (redis ? $", {decisions!.Count} decided in Redis, {orphans.Count} decided but not stored" : ""));

            // Everyone who failed tries again at the surviving process and gets a place.
            watch.Restart();
            var retried = await BurstAsync([a], setup.FairId, failed.Select(r => setup.Everyone[r.Index]).ToList());
            Log($"{retried.Length} retries answered in {watch.Elapsed.TotalSeconds:F1} s");
            foreach (var r in retried)
            {
                var stored = rowsAfterKill.GetValueOrDefault(r.UserId);
                // 200 exactly for those whose registration was stored before their answer was lost, with that registration.
                Assert.True(r.Code == (stored is null ? HttpStatusCode.Created : HttpStatusCode.OK),
                    $"retry expected {(stored is null ? 201 : 200)} (stored: {stored}):\n{Describe([r])}");
                if (stored is not null)
                {
                    AssertSame(r.Body!, stored);
                }

                if (orphans.TryGetValue(r.UserId, out var decision))
                {
                    // A decision the dead process took but never stored is completed by the retry with the same arrival.
                    Assert.Equal((decision.Seq, decision.Status), (r.Body!.Arrival, r.Body.Status));
                }
            }

            var final = await ReadRowsAsync(setup.FairId);
            AssertNoDuplicates(final);
            Assert.Equal(setup.Everyone.Select(g => g.UserId).Order(), final.Select(r => r.UserId).Order());
            Assert.Equal(Enumerable.Range(1, Graduates).Select(i => (long)i), final.Select(r => r.Seq));
            Assert.All(final, r => Assert.Equal(r.Seq <= Capacity ? "registered" : "waitlisted", r.Status));
            var finalByUser = final.ToDictionary(r => r.UserId);
            foreach (var o in accepted)
            {
                AssertSame(o.Attendee, finalByUser[o.UserId]);
            }

            var everyone = accepted.Concat(retried.Select(r => new Outcome(r.UserId, r.Body!))).ToList();
            AssertSeatedInArrivalOrder(everyone);
            await AssertListingMatchesAsync(a, setup, everyone);
            if (redis)
            {
                await AssertRedisAgreesAsync(setup.FairId, final);
            }
        }
        catch
        {
            DumpProcessLogs();
            throw;
        }
    }

    // ---- setup -------------------------------------------------------------------------------------------------------

    private sealed record Graduate(int Index, long UserId, string Token)
    {
        public string Name => $"毕业生{Index:D4}";
    }

    private sealed record Setup(long FairId, string OrganiserToken, IReadOnlyList<Graduate> Everyone);

    /// <summary>Schema, an organiser and an open fair through an in-process host (disposed again), then the graduates' rows.</summary>
    private async Task<Setup> PrepareAsync()
    {
        long fairId;
        string organiserToken;
        await using (var host = JobsApiFactory.OverFolder(_data))
        {
            var organiser = await host.CreateOrganiserAsync("南京");
            fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(host, attendees: Capacity));
            organiserToken = organiser.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        var graduates = await FairTestKit.AddGraduatesAsync(Path.Combine(_data, "jobs.db"), Graduates, "burst");
        return new Setup(fairId, organiserToken, graduates.Select((g, i) => new Graduate(i, g.UserId, g.Token)).ToList());
    }

    private async Task<(ApiProcess A, ApiProcess B)> StartPairAsync(bool redis)
    {
        _usedRedis |= redis;
        var starting = new[] { ApiProcess.StartAsync("A", Settings(redis, "index-a")), ApiProcess.StartAsync("B", Settings(redis, "index-b")) };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Tracked even when the other one failed to start, so the test's disposal stops it.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                _processes.Add(await started);
            }
        }

        return (_processes[^2], _processes[^1]);
    }

    private Dictionary<string, string> Settings(bool redis, string indexDirectory)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage__DataDirectory"] = _data,
            ["Storage__SeedDemoData"] = "false",
            // Each process holds its Lucene indexes' write lock, so each gets a folder of its own.
            ["Search__IndexDirectory"] = indexDirectory,
            ["Admin__Email"] = JobsApiFactory.AdminEmail,
            ["Admin__Password"] = JobsApiFactory.AdminPassword,
            ["Auth__SigningKey"] = FairTestKit.TestSigningKey,
            ["Auth__TokenLifetimeMinutes"] = "43200",
            ["BackgroundJobs__WorkerCount"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in JobsApiFactory.HighRateLimitsEnvironment.Concat(TestDatabase.ProcessEnvironment(_data)))
        {
            settings[key] = value;
        }

        if (redis)
        {
            settings["ConnectionStrings__Redis"] = TestRedis.Address;
            settings["BackgroundJobs__RedisPrefix"] = _hangfirePrefix;
            settings["BackgroundJobs__RedisLockPrefix"] = _lockPrefix;
            settings["BackgroundJobs__RedisSeatPrefix"] = _seatPrefix;
            // The minutely reconciliation must not release a dead request's decision before its retry (a slow machine).
            settings["Fairs__SeatReconcileGraceSeconds"] = "3600";
        }

        return settings;
    }

    // ---- requests ----------------------------------------------------------------------------------------------------

    private sealed record Attendee(long Id, long FairId, string Status, string? Ticket, int? Position, long Arrival, string? Name);

    private sealed record AttendeePage(int Total, List<Attendee> Items);

    /// <summary>One request's fate: an HTTP answer (with its body when 2xx) or the transport error it died of.</summary>
    private sealed record Reply(int Index, long UserId, string Via, HttpStatusCode? Code, Attendee? Body, string? Error)
    {
        /// <summary>From sending (past the client's in-flight limit) to the whole answer.</summary>
        public TimeSpan Latency { get; init; }
    }

    private sealed record Outcome(long UserId, Attendee Attendee);

    /// <summary>Fires every graduate's registration at once, the i-th at <c>targets[i % targets.Count]</c>.</summary>
    private static async Task<Reply[]> BurstAsync(IReadOnlyList<ApiProcess> targets, long fairId, IReadOnlyList<Graduate> graduates,
        Action? onResponse = null)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = graduates.Select(async (g, i) =>
        {
            await go.Task;
            var reply = await RegisterAsync(targets[i % targets.Count], fairId, g);
            if (reply.Code is not null)
            {
                onResponse?.Invoke();
            }

            return reply;
        }).ToArray();
        go.SetResult();
        return await Task.WhenAll(requests);
    }

    private static async Task<Reply> RegisterAsync(ApiProcess target, long fairId, Graduate graduate)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/fairs/{fairId}/attendees") { Content = JsonContent.Create(new { }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", graduate.Token);
            var (code, text, latency) = await target.SendAsync(request);
            return (int)code is >= 200 and < 300
                ? new Reply(graduate.Index, graduate.UserId, target.Name, code, JsonSerializer.Deserialize<Attendee>(text, ApiClient.Json), null) { Latency = latency }
                : new Reply(graduate.Index, graduate.UserId, target.Name, code, null, text) { Latency = latency };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Reply(graduate.Index, graduate.UserId, target.Name, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<List<Attendee>> ListAllAsync(ApiProcess target, long fairId, string organiserToken)
    {
        var all = new List<Attendee>();
        int? total = null;
        for (var page = 1; total is null || all.Count < total; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/fairs/{fairId}/attendees?page={page}&pageSize=100");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organiserToken);
            using var response = await target.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"list page {page}: {(int)response.StatusCode} {text}");
            var result = JsonSerializer.Deserialize<AttendeePage>(text, ApiClient.Json)!;
            Assert.True(total is null || total == result.Total, $"The total changed between pages: {total} then {result.Total}");
            total = result.Total;
            if (result.Items.Count == 0)
            {
                break;
            }

            all.AddRange(result.Items);
        }

        return all;
    }

    // ---- assertions --------------------------------------------------------------------------------------------------

    /// <summary>One answer per graduate: arrivals 1..N, seats for arrivals 1..capacity with unique tickets, the rest waitlisted in order.</summary>
    private static void AssertSeatedInArrivalOrder(IReadOnlyList<Outcome> outcomes)
    {
        Assert.Equal(Graduates, outcomes.Count);
        Assert.Equal(Graduates, outcomes.Select(o => o.UserId).Distinct().Count());
        Assert.Equal(Graduates, outcomes.Select(o => o.Attendee.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Graduates).Select(i => (long)i), outcomes.Select(o => o.Attendee.Arrival).Order());

        var registered = outcomes.Where(o => o.Attendee.Status == "registered").ToList();
        var waitlisted = outcomes.Where(o => o.Attendee.Status == "waitlisted").ToList();
        Assert.Equal(Capacity, registered.Count);
        Assert.Equal(Graduates - Capacity, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, Capacity).Select(i => (long)i), registered.Select(o => o.Attendee.Arrival).Order());
        Assert.All(registered, o =>
        {
            Assert.Matches(TicketPattern, o.Attendee.Ticket);
            Assert.Null(o.Attendee.Position);
        });
        Assert.Equal(Capacity, registered.Select(o => o.Attendee.Ticket).Distinct().Count());
        Assert.All(waitlisted, o =>
        {
            Assert.Null(o.Attendee.Ticket);
            Assert.Equal<int?>((int)(o.Attendee.Arrival - Capacity), o.Attendee.Position);
        });
    }

    /// <summary>The organisers' list (read page by page) holds exactly the answered registrations, each for its graduate.</summary>
    private static async Task AssertListingMatchesAsync(ApiProcess target, Setup setup, IReadOnlyList<Outcome> outcomes)
    {
        var listing = await ListAllAsync(target, setup.FairId, setup.OrganiserToken);
        Assert.Equal(Graduates, listing.Count);
        Assert.Equal(Graduates, listing.Select(l => l.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Graduates).Select(i => (long)i), listing.Select(l => l.Arrival));

        var answered = outcomes.ToDictionary(o => o.Attendee.Id);
        var names = setup.Everyone.ToDictionary(g => g.UserId, g => g.Name);
        foreach (var item in listing)
        {
            Assert.True(answered.TryGetValue(item.Id, out var outcome), $"Listed registration {item} was never answered.");
            Assert.Equal(outcome.Attendee, item with { Name = null });
            Assert.Equal(names[outcome.UserId], item.Name);
        }

        var registered = await ListTotalAsync(target, setup, "registered");
        var waitlisted = await ListTotalAsync(target, setup, "waitlisted");
        Assert.Equal((Capacity, Graduates - Capacity), (registered, waitlisted));
    }

    private static async Task<int> ListTotalAsync(ApiProcess target, Setup setup, string status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/fairs/{setup.FairId}/attendees?status={status}&pageSize=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", setup.OrganiserToken);
        using var response = await target.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<AttendeePage>(await response.Content.ReadAsStringAsync(), ApiClient.Json)!.Total;
    }

    private static void AssertSame(Attendee answered, Row stored)
    {
        Assert.True((answered.Id, answered.Status, answered.Ticket, answered.Arrival) == (stored.Id, stored.Status, stored.Ticket, stored.Seq),
            $"answered {answered}, stored {stored}");
    }

    private static void AssertNoDuplicates(IReadOnlyList<Row> rows)
    {
        Assert.Equal(rows.Count, rows.Select(r => r.UserId).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r.Seq).Distinct().Count());
        var tickets = rows.Where(r => r.Status == "registered").Select(r => r.Ticket).ToList();
        Assert.All(tickets, t => Assert.Matches(TicketPattern, t));
        Assert.Equal(tickets.Count, tickets.Distinct().Count());
        Assert.All(rows.Where(r => r.Status != "registered"), r => Assert.Null(r.Ticket));
    }

    private async Task AssertRedisAgreesAsync(long fairId, IReadOnlyList<Row> rows)
    {
        var decisions = await ReadRedisDecisionsAsync(fairId);
        Assert.Equal(rows.Count, decisions.Count);
        Assert.All(rows, r => Assert.Equal((r.Seq, r.Status), decisions[r.UserId]));
    }

    // ---- stored state ------------------------------------------------------------------------------------------------

    private sealed record Row(long Id, long UserId, long Seq, string Status, string? Ticket);

    private async Task<List<Row>> ReadRowsAsync(long fairId)
    {
        await using var connection = await TestDatabase.OpenAsync(Path.Combine(_data, "jobs.db"));
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "UserId", "Seq", "Status", "Ticket" FROM "FairRegistrations" WHERE "FairId" = @fair ORDER BY "Seq";
            """;
        command.Add("@fair", fairId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var status = reader.GetInt32(3) switch
            {
                0 => "registered",
                1 => "waitlisted",
                _ => "cancelled",
            };
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), status, reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Redis's seat decisions for the fair: user → (arrival, status).</summary>
    private async Task<Dictionary<long, (long Seq, string Status)>> ReadRedisDecisionsAsync(long fairId)
    {
        await using var redis = await TestRedis.ConnectAsync();
        var entries = await redis.GetDatabase().HashGetAllAsync($"{_seatPrefix}{{{fairId}}}:people");
        return entries.ToDictionary(
            e => long.Parse((string)e.Name!, CultureInfo.InvariantCulture),
            e =>
            {
                var parts = ((string)e.Value!).Split('|');
                var status = parts[1] switch
                {
                    "R" => "registered",
                    "W" => "waitlisted",
                    _ => "cancelled",
                };
                return (long.Parse(parts[0], CultureInfo.InvariantCulture), status);
            });
    }

    // ---- diagnostics and cleanup -------------------------------------------------------------------------------------

    private void Log(string line) => output.WriteLine($"[{DateTime.Now:HH:mm:ss.fff}] {line}");

    private string Describe(IEnumerable<Reply> replies) =>
        string.Join('\n', replies.Take(10).Select(r => $"  #{r.Index} user {r.UserId} via {r.Via}: {(int?)r.Code} {r.Error}")) +
        "\n" + string.Join('\n', _processes.Select(p => $"--- {p.Name} (last lines) ---\n{p.Tail(40)}"));

    private static string Latencies(IEnumerable<Reply> replies) => string.Join("; ", replies.Where(r => r.Code is not null).GroupBy(r => r.Via).OrderBy(g => g.Key)
        .Select(g =>
        {
            var ms = g.Select(r => r.Latency.TotalMilliseconds).Order().ToList();
            return $"{g.Key}: {ms.Count} answers, latency median {ms[ms.Count / 2]:F0} ms, p99 {ms[ms.Count * 99 / 100]:F0} ms, max {ms[^1]:F0} ms";
        }));

    private void DumpProcessLogs()
    {
        foreach (var p in _processes)
        {
            Log($"--- process {p.Name}{(p.Killed ? " (killed by the test)" : "")} ---\n{p.Tail(200)}");
        }
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _processes)
        {
            await p.DisposeAsync();
        }

        if (_usedRedis)
        {
            await TestRedis.DeleteKeysAsync(_hangfirePrefix);
            await TestRedis.DeleteKeysAsync(_lockPrefix);
            await TestRedis.DeleteKeysAsync(_seatPrefix);
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>
    /// <c>dotnet Jobs.Api.dll</c> listening on a free loopback port, healthy before it is returned; its output is drained
    /// (a full pipe would stall it) and the last lines kept for failure messages.
    /// </summary>
    private sealed class ApiProcess : IAsyncDisposable
    {
        private const int KeptLines = 400;
        private const int InFlight = 64;
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        // Requests beyond this wait here rather than in the connection pool, where the client's timeout would already run:
        // each request gets its full timeout however long the burst's queue is.
        private readonly SemaphoreSlim _inFlight = new(InFlight, InFlight);

        private ApiProcess(string name, int port, IReadOnlyDictionary<string, string> settings)
        {
            Name = name;
            var api = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(api)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { api, "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(arg);
            }

            // Nothing from the runner's environment may switch a database-only process to Redis.
            start.Environment.Remove("ConnectionStrings__Redis");
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlight, ConnectTimeout = TimeSpan.FromSeconds(10) })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(120),
            };
        }

        public string Name { get; }

        public HttpClient Client { get; }

        public bool Killed { get; private set; }

        /// <summary>Sends within the process's in-flight limit; the status, the body (read completely) and how long it took.</summary>
        public async Task<(HttpStatusCode Code, string Body, TimeSpan Latency)> SendAsync(HttpRequestMessage request)
        {
            await _inFlight.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                using var response = await Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return (response.StatusCode, body, watch.Elapsed);
            }
            finally
            {
                _inFlight.Release();
            }
        }

        public string Tail(int lines) => string.Join('\n', _lines.TakeLast(lines));

        public static async Task<ApiProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
        {
            for (var attempt = 1; ; attempt++)
            {
                var process = new ApiProcess(name, FreePort(), settings);
                var problem = await process.LaunchAsync(TimeSpan.FromSeconds(120));
                if (problem is null)
                {
                    return process;
                }

                await process.DisposeAsync();
                // Another test may have taken the port between our probe and the bind; anything else is a real failure.
                if (attempt >= 3 || !process.Tail(KeptLines).Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{problem}\n{process.Tail(KeptLines)}");
                }
            }
        }

        public async Task KillAsync()
        {
            Killed = true;
            try
            {
                // SIGKILL: no graceful shutdown, no finally blocks, no rollback by the process itself.
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!Killed && !_process.HasExited)
                {
                    await KillAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }

            Client.Dispose();
            _process.Dispose();
            _inFlight.Dispose();
        }

        /// <summary>Starts the process and waits for <c>/health</c>; returns why it did not get there, or null.</summary>
        private async Task<string?> LaunchAsync(TimeSpan limit)
        {
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < limit)
            {
                if (_process.HasExited)
                {
                    using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await _process.WaitForExitAsync(drain.Token);
                    return $"Process {Name} exited with code {_process.ExitCode} before it was healthy.";
                }

                try
                {
                    using var response = await probe.GetAsync("/health");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return null;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            return $"Process {Name} was not healthy after {limit.TotalSeconds} s.";
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lines.Enqueue(line);
            while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
            {
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
