using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Jobs.Api.Auth;
using Jobs.Core.Accounts;
using StackExchange.Redis;

using Jobs.Benchmarks.Shared;

namespace Jobs.FairHarness;

// Usage: Jobs.FairHarness [--processes 1] [--redis 127.0.0.1:6379] [--requests 2000] [--capacity 500] [--rounds 3] [--warmup 4]
//        [--connections 256] [--port 5090] [--data /tmp/dir] [--keep] [--api src/Api/bin/Release/net10.0/Jobs.Api.dll]
//        [--probe] [--api-env KEY=VALUE ...] [--postgres "Host=127.0.0.1;Username=jobs;Password=jobs"] [--url http://127.0.0.1:8080]
//        [--cpu-pids 101,102]
//
// Starts --processes API processes on one fresh data directory (each with its own search index folder, since a process
// holds the Lucene write lock of its index), creates an organiser and an open fair per round, inserts --requests graduates
// straight into the database with tokens signed like the API's own, then fires one registration per graduate, all released
// at once, round-robin over the processes. Reports throughput, latency percentiles and whether the seats came out right.
// The database is the data directory's SQLite file, or with --postgres a fresh PostgreSQL database on that server (dropped
// afterwards unless --keep). With --url the harness starts nothing: it registers through that address (a proxy in front of
// running nodes, see benchmarks/nodes/run.sh), and --postgres must then name the database those nodes use, which is kept;
// the nodes must have been started with this harness's signing key and admin (benchmarks/nodes/run.sh does), and
// --cpu-pids names their processes so the server CPU per request is still reported.
// (A class with Main rather than top-level statements: the referenced API already has a global Program class.)
internal static class Harness
{
    // Fixed so the harness can sign graduates' tokens as the API would; only for throwaway benchmark data directories.
    private const string SigningKey = "fair-harness-signing-key-0123456789-abcdefghijkl";
    private const string AdminEmail = "admin@bench.local";
    private const string AdminPassword = "FairBench2026";
    private const string OrganiserPassword = "Bench-Harbor-2026";

    public static async Task<int> Main(string[] args)
    {
        Settings s;
        try
        {
            s = Settings.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (!File.Exists(s.ApiDll))
        {
            Console.Error.WriteLine($"{s.ApiDll} not found: build it first with `dotnet build src/Api -c Release` (or pass --api).");
            return 2;
        }

        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;
        var redisPrefix = $"jobs-fair-bench:{runId}:";
        ConnectionMultiplexer? redis = null;
        if (s.Redis is not null)
        {
            try
            {
                redis = await ConnectionMultiplexer.ConnectAsync($"{s.Redis},allowAdmin=true,abortConnect=true,connectTimeout=3000");
            }
            catch (RedisConnectionException e)
            {
                Console.Error.WriteLine($"Redis at {s.Redis} is not reachable ({e.Message}). Start one with: "
                                        + "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no");
                return 2;
            }
        }

        if (s.Url is not null && s.Postgres is null)
        {
            Console.Error.WriteLine("--url needs --postgres with the database the API behind it uses: the harness writes its graduates there.");
            return 2;
        }

        Directory.CreateDirectory(s.DataDirectory);
        if (s.Url is null && Directory.EnumerateFileSystemEntries(s.DataDirectory).Any())
        {
            Console.Error.WriteLine($"{s.DataDirectory} is not empty; the harness needs a fresh data directory.");
            return 2;
        }

        using var cancelled = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancelled.Cancel();
        };

        BenchDatabase database;
        try
        {
            database = s.Postgres is null ? BenchDatabase.Sqlite(s.DataDirectory)
                : s.Url is not null ? BenchDatabase.ExistingPostgres(s.Postgres)
                : await BenchDatabase.CreatePostgresAsync(s.Postgres, runId, s.Processes, cancelled.Token);
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"PostgreSQL: {e.Message}");
            return 2;
        }

        Console.WriteLine($"Fair burst: {(s.Url is null ? $"{s.Processes} API process(es)" : $"the API at {s.Url}")}, {database.Describe}, "
                          + $"{(s.Url is not null ? "seat control as that API is configured" : s.Redis is null ? "no Redis (seat control in the database)" : $"Redis {s.Redis}")}, "
                          + $"{s.Requests:N0} requests, capacity {s.Capacity:N0}, {s.Warmup} warm-up + {s.Rounds} round(s), "
                          + $"{s.Connections} connections per process; data {s.DataDirectory}");

        var apis = new List<ApiProcess>();
        var exitCode = 0;
        try
        {
            for (var i = 0; s.Url is null && i < s.Processes; i++)
            {
                var env = new Dictionary<string, string>
                {
                    ["Storage__DataDirectory"] = s.DataDirectory,
                    ["Storage__SeedDemoData"] = "false",
                    ["Admin__Email"] = AdminEmail,
                    ["Admin__Password"] = AdminPassword,
                    ["Auth__SigningKey"] = SigningKey,
                    ["Auth__TokenLifetimeMinutes"] = "43200",
                    // Each process holds the Lucene write lock of its index folder, so every process needs its own.
                    ["Search__IndexDirectory"] = i == 0 ? "index" : $"index-{i + 1}",
                    ["DOTNET_gcServer"] = "1",
                };
                // Every simulated graduate comes from this machine's one address; per-address limits would refuse the burst.
                foreach (var rule in new[] { "Global", "SignIn", "SignUp", "FairRegistration", "FairRegistrationPerAddress", "Search" })
                {
                    env[$"RateLimits__{rule}__PermitLimit"] = "1000000";
                }

                foreach (var (key, value) in s.ApiEnvironment)
                {
                    env[key] = value;
                }

                if (database.Postgres is not null)
                {
                    env["ConnectionStrings__Postgres"] = database.Postgres;
                }

                if (s.Redis is not null)
                {
                    env["ConnectionStrings__Redis"] = s.Redis;
                    env["BackgroundJobs__RedisPrefix"] = redisPrefix + "hangfire:";
                    env["BackgroundJobs__RedisLockPrefix"] = redisPrefix + "lock:";
                    env["BackgroundJobs__RedisSeatPrefix"] = redisPrefix + "seats:";
                }

                // Another server on the port would answer the health check in this one's place.
                if (!PortIsFree(s.Port + i))
                {
                    throw new HarnessException($"port {s.Port + i} is in use; pass --port with a free base port");
                }

                // One after the other: the first brings the schema up to date, the second finds it done.
                var api = ApiProcess.Start(s.ApiDll, s.Port + i, env, Path.Combine(s.DataDirectory, $"api-{i + 1}.log"));
                apis.Add(api);
                var started = Stopwatch.StartNew();
                await api.WaitHealthyAsync(TimeSpan.FromMinutes(3), cancelled.Token);
                Console.WriteLine($"API {i + 1} healthy at {api.Url} after {started.Elapsed.TotalSeconds:F1} s (pid {api.Process.Id})");
            }

            exitCode = await RunAsync(s, database, runId, apis, cancelled.Token);
        }
        catch (Exception e) when (e is HarnessException or HttpRequestException or OperationCanceledException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"Stopped: {e.Message}");
            foreach (var api in apis)
            {
                api.PrintLogTail(20);
            }

            exitCode = 1;
        }
        finally
        {
            foreach (var api in apis)
            {
                api.Dispose();
            }

            if (redis is not null)
            {
                var deleted = 0;
                foreach (var endpoint in redis.GetEndPoints())
                {
                    var server = redis.GetServer(endpoint);
                    var keys = new List<RedisKey>();
                    await foreach (var key in server.KeysAsync(pattern: redisPrefix + "*", pageSize: 1000))
                    {
                        keys.Add(key);
                    }

                    foreach (var chunk in keys.Chunk(500))
                    {
                        deleted += (int)await redis.GetDatabase().KeyDeleteAsync(chunk);
                    }
                }

                Console.WriteLine($"Redis: deleted {deleted} key(s) under {redisPrefix}");
                await redis.DisposeAsync();
            }

            if (!s.Keep && exitCode == 0)
            {
                try
                {
                    Directory.Delete(s.DataDirectory, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"Could not delete {s.DataDirectory}: {e.Message}");
                }
            }
            else
            {
                Console.WriteLine($"Kept {s.DataDirectory} (database, indexes, API logs api-N.log)");
            }

            if (database.Owned && !s.Keep)
            {
                await database.DropAsync(CancellationToken.None);
                Console.WriteLine($"Dropped {database.Describe}");
            }
            else if (database.Owned)
            {
                Console.WriteLine($"Kept {database.Describe}: {database.Postgres}");
            }
        }

        return exitCode;
    }

    private static async Task<int> RunAsync(Settings s, BenchDatabase database, string runId, IReadOnlyList<ApiProcess> apis,
        CancellationToken cancellationToken)
    {
        var urls = s.Url is null ? apis.Select(a => a.Url).ToList() : [s.Url.TrimEnd('/')];
        // CPU milliseconds of the processes serving the burst: the harness's own, or those --cpu-pids names behind --url.
        var watched = s.CpuPids.Select(System.Diagnostics.Process.GetProcessById).ToList();
        Func<double>? serverCpu = apis.Count > 0 ? () => apis.Sum(a => a.CpuTime().TotalMilliseconds)
            : watched.Count > 0 ? () => watched.Sum(p => { p.Refresh(); return p.HasExited ? 0 : p.TotalProcessorTime.TotalMilliseconds; })
            : null;
        using var setup = new HttpClient { BaseAddress = new Uri(urls[0]), Timeout = TimeSpan.FromMinutes(2) };
        // A run of its own on a database other runs used (--url): its organiser and graduates must be new there.
        var organiserEmail = $"organiser.{runId}@bench.local";
        var adminToken = await LoginAsync(setup, AdminEmail, AdminPassword, cancellationToken);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/organisers"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            request.Content = JsonContent.Create(new { email = organiserEmail, password = OrganiserPassword, displayName = "压测组织方", city = "南京" });
            using var response = await setup.SendAsync(request, cancellationToken);
            await ExpectAsync(response, HttpStatusCode.Created, "create organiser", cancellationToken);
        }

        var organiserToken = await LoginAsync(setup, organiserEmail, OrganiserPassword, cancellationToken);

        var watch = Stopwatch.StartNew();
        var tokens = await AddGraduatesAsync(database, runId, s.Requests, cancellationToken);
        Console.WriteLine($"{tokens.Count:N0} graduates inserted and their tokens signed in {watch.Elapsed.TotalSeconds:F1} s");

        // One client per process, its connections kept open between bursts; each request carries its graduate's token.
        var clients = urls.Select(url => new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = s.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromMinutes(5),
        }).ToList();
        try
        {
            var results = new List<RoundResult>();
            var failures = 0;
            long lastFair = 0;
            for (var round = 1 - s.Warmup; round <= s.Rounds; round++)
            {
                var label = round <= 0 ? $"warm-up {round + s.Warmup}" : $"round {round}";
                var fairId = lastFair = await CreateOpenFairAsync(setup, organiserToken, s.Capacity, label, cancellationToken);
                var result = await BurstAsync(fairId, clients, serverCpu, tokens, cancellationToken);
                var problems = await VerifyAsync(result, s, database, setup, fairId, cancellationToken);
                Console.WriteLine($"{label,-10} fair {fairId}: {result.Summary()}; load average {LoadAverage()}");
                Console.WriteLine(problems.Count == 0
                    ? $"           correct: {Math.Min(s.Capacity, s.Requests)} registered, {Math.Max(0, s.Requests - s.Capacity)} waitlisted, "
                      + $"arrivals 1..{s.Requests} each once, waitlist positions 1..{Math.Max(0, s.Requests - s.Capacity)} in arrival order, database agrees"
                    : "           WRONG: " + string.Join("; ", problems.Take(8)) + (problems.Count > 8 ? $"; … {problems.Count - 8} more" : ""));
                if (problems.Count > 0)
                {
                    failures++;
                }

                if (round > 0)
                {
                    results.Add(result);
                }
            }

            if (s.Probe)
            {
                // The same burst shape without the seat decision: token check, routing, one indexed read, JSON out.
                for (var round = 1; round <= 2; round++)
                {
                    var probe = await BurstAsync(lastFair, clients, serverCpu, tokens, cancellationToken, readBack: true);
                    var notOk = probe.Codes.Count(c => c != 200);
                    Console.WriteLine($"read-back {round} GET /api/fairs/{lastFair}/attendees/me: {probe.Summary()}"
                                      + (notOk == 0 ? "" : $"; {notOk} not 200"));
                }
            }

            if (results.Count > 0)
            {
                static double Median(IEnumerable<double> values)
                {
                    var sorted = values.Order().ToArray();
                    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
                }

                var throughput = Median(results.Select(r => r.Throughput));
                var p50 = Median(results.Select(r => r.P50));
                var p95 = Median(results.Select(r => r.P95));
                var p99 = Median(results.Select(r => r.P99));
                var max = Median(results.Select(r => r.Max));
                var cpu = Median(results.Select(r => r.ServerCpuMsPerRequest));
                Console.WriteLine($"median of {results.Count} round(s): {throughput:N0} req/s; p50 {p50:F1} ms, p95 {p95:F1} ms, p99 {p99:F1} ms, "
                                  + $"max {max:F1} ms; server CPU {(double.IsNaN(cpu) ? "not measured" : $"{cpu:F2} ms/request")}");
                Console.WriteLine($"| {s.Requests:N0} | {s.Capacity:N0} | {s.Processes} | {(s.Redis is null ? "no" : "yes")} | {throughput:N0} | "
                                  + $"{p50:F0} ms | {p95:F0} ms | {p99:F0} ms | {max:F0} ms |");
            }

            return failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<string> LoginAsync(HttpClient http, string email, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken);
        var body = await ExpectAsync(response, HttpStatusCode.OK, $"sign in as {email}", cancellationToken);
        return (string)body["accessToken"]!;
    }

    private static async Task<long> CreateOpenFairAsync(HttpClient http, string organiserToken, int capacity, string label,
        CancellationToken cancellationToken)
    {
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, china).Date.AddDays(10);
        var starts = new DateTimeOffset(day.AddHours(9), TimeSpan.FromHours(8));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/fairs");
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organiserToken);
        create.Content = JsonContent.Create(new
        {
            kind = "fair",
            title = $"南京高校毕业生春季招聘会（压测 {label}）",
            hostCity = "南京",
            venue = "南京国际博览中心 A 馆",
            startsAt = starts,
            endsAt = starts.AddHours(7),
            boothCapacity = 50,
            attendeeCapacity = capacity,
            themes = new[] { "智能制造", "软件和信息服务" },
        });
        using var created = await http.SendAsync(create, cancellationToken);
        var id = (long)(await ExpectAsync(created, HttpStatusCode.Created, "create fair", cancellationToken))["id"]!;

        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/fairs/{id}/publish");
        publish.Headers.Authorization = new AuthenticationHeaderValue("Bearer", organiserToken);
        using var published = await http.SendAsync(publish, cancellationToken);
        var state = (string?)(await ExpectAsync(published, HttpStatusCode.OK, "publish fair", cancellationToken))["state"];
        if (state != "open")
        {
            throw new HarnessException($"fair {id} is '{state}' after publishing, not 'open'");
        }

        return id;
    }

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new HarnessException($"{what}: HTTP {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// Graduate rows straight into the database (hashing thousands of passwords would take minutes and is not what is
    /// measured), with bearer tokens from the API's own <see cref="TokenService"/> and the key the processes were given.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AddGraduatesAsync(BenchDatabase database, string runId, int count,
        CancellationToken cancellationToken)
    {
        var ids = new List<long>(count);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // The same SQL on SQLite and PostgreSQL: @ parameters, RETURNING, ON CONFLICT.
            command.CommandText = """
                INSERT INTO "Users" ("Email", "PasswordHash", "Role", "DisplayName", "CityCode", "EmployerId", "CreatedAt", "SecurityStamp", "FailedSignInCount")
                VALUES (@email, 'not-a-hash', 0, @name, NULL, NULL, @now, 'bench-stamp', 0) RETURNING "Id";
                """;
            var email = command.Add("@email", "");
            var name = command.Add("@name", "");
            command.Add("@now", DateTime.UtcNow);
            for (var i = 0; i < count; i++)
            {
                email.Value = $"graduate.{i}.{runId}@burst.bench";
                name.Value = $"毕业生{i:D5}";
                ids.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
            }

            // One session per account, as a sign-in would have started; the tokens below name it.
            command.Parameters.Clear();
            command.CommandText = """
                INSERT INTO "Sessions" ("Id", "UserId", "SecurityStamp", "CreatedAt")
                SELECT 'bench-' || "Id", "Id", "SecurityStamp", "CreatedAt" FROM "Users" WHERE "SecurityStamp" = 'bench-stamp'
                ON CONFLICT DO NOTHING;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var auth = Microsoft.Extensions.Options.Options.Create(new AuthOptions { SigningKey = SigningKey, TokenLifetimeMinutes = 43200 });
        var paths = new Jobs.Core.Storage.DataPaths(Path.GetTempPath(), "Data Source=:memory:");
        var issuer = new TokenService(auth, new SigningKeyProvider(auth, paths), TimeProvider.System);
        return ids.Select(id => issuer.Issue(new User
        {
            Id = id, Email = $"graduate.{id}@burst.bench", PasswordHash = "", Role = Jobs.Core.Accounts.Role.Graduate, DisplayName = "",
            SecurityStamp = "bench-stamp",
        }, $"bench-{id}").AccessToken).ToList();
    }

    /// <summary>One request per token, all released together, round-robin over the clients; POST registers, GET reads back.</summary>
    private static async Task<RoundResult> BurstAsync(long fairId, IReadOnlyList<HttpClient> clients, Func<double>? serverCpuMs,
        IReadOnlyList<string> tokens, CancellationToken cancellationToken, bool readBack = false)
    {
        var n = tokens.Count;
        var requests = new HttpRequestMessage[n];
        for (var i = 0; i < n; i++)
        {
            requests[i] = readBack
                ? new HttpRequestMessage(HttpMethod.Get, $"/api/fairs/{fairId}/attendees/me")
                : new HttpRequestMessage(HttpMethod.Post, $"/api/fairs/{fairId}/attendees")
                {
                    Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                };
            requests[i].Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
        }

        var latencies = new double[n];
        var codes = new int[n];
        var bodies = new string[n];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task FireAsync(int i)
        {
            await gate.Task;
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await clients[i % clients.Count].SendAsync(requests[i], cancellationToken);
                bodies[i] = await response.Content.ReadAsStringAsync(cancellationToken);
                codes[i] = (int)response.StatusCode;
            }
            catch (HttpRequestException e)
            {
                bodies[i] = e.Message;
                codes[i] = -1;
            }
            finally
            {
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                requests[i].Dispose();
            }
        }

        var tasks = new Task[n];
        for (var i = 0; i < n; i++)
        {
            tasks[i] = FireAsync(i);
        }

        // Give the thread pool a moment to settle after building the requests, then release them all together.
        await Task.Delay(200, cancellationToken);
        var serverCpuBefore = serverCpuMs?.Invoke() ?? double.NaN;
        var harnessCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var released = Stopwatch.GetTimestamp();
        gate.SetResult();
        await Task.WhenAll(tasks);
        var wall = Stopwatch.GetElapsedTime(released).TotalMilliseconds;
        var serverCpu = (serverCpuMs?.Invoke() ?? double.NaN) - serverCpuBefore;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - harnessCpuBefore;
        return new RoundResult(latencies, codes, bodies, wall, serverCpu, harnessCpu);
    }

    private static async Task<List<string>> VerifyAsync(RoundResult result, Settings s, BenchDatabase database, HttpClient http, long fairId,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var n = result.Codes.Length;
        var seated = Math.Min(s.Capacity, n);
        var statusCounts = new Dictionary<string, int>();
        var arrivals = new HashSet<long>();
        var positions = new HashSet<int>();
        var tickets = new HashSet<string>();
        var bad = result.Codes.Select((c, i) => (c, i)).Where(x => x.c != 201).ToList();
        if (bad.Count > 0)
        {
            var (code, first) = bad[0];
            problems.Add($"{bad.Count} response(s) not 201, e.g. {code}: {Truncate(result.Bodies[first], 300)}");
        }

        for (var i = 0; i < n; i++)
        {
            if (result.Codes[i] != 201)
            {
                continue;
            }

            var body = JsonNode.Parse(result.Bodies[i])!;
            var status = (string)body["status"]!;
            var arrival = (long)body["arrival"]!;
            var position = (int?)body["position"];
            var ticket = (string?)body["ticket"];
            statusCounts[status] = statusCounts.GetValueOrDefault(status) + 1;
            if (!arrivals.Add(arrival) || arrival < 1 || arrival > n)
            {
                problems.Add($"arrival {arrival} repeated or out of 1..{n}");
            }

            if (status == "registered" && (arrival > seated || ticket is null || !tickets.Add(ticket)))
            {
                problems.Add($"registered with arrival {arrival} (capacity {seated}) or a missing/repeated ticket '{ticket}'");
            }
            else if (status == "waitlisted" && (position != arrival - seated || !positions.Add(position.Value)))
            {
                problems.Add($"waitlisted arrival {arrival} at position {position} (expected {arrival - seated})");
            }
        }

        if (statusCounts.GetValueOrDefault("registered") != seated || statusCounts.GetValueOrDefault("waitlisted") != n - seated)
        {
            problems.Add("statuses " + string.Join(", ", statusCounts.Select(kv => $"{kv.Key} {kv.Value}")) + $"; expected registered {seated}, waitlisted {n - seated}");
        }

        // What the API and the database say afterwards.
        using var response = await http.GetAsync($"/api/fairs/{fairId}", cancellationToken);
        var fair = await ExpectAsync(response, HttpStatusCode.OK, "read fair", cancellationToken);
        var counts = fair["counts"];
        if ((int?)counts?["registered"] != seated || (int?)counts?["waitlisted"] != n - seated)
        {
            problems.Add($"fair counts say registered {counts?["registered"]}, waitlisted {counts?["waitlisted"]}");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COUNT(DISTINCT "Seq"), COUNT(DISTINCT "UserId"), COALESCE(MIN("Seq"), 0), COALESCE(MAX("Seq"), 0),
                   COALESCE(SUM(CASE WHEN "Status" = 0 THEN 1 ELSE 0 END), 0), COALESCE(MAX(CASE WHEN "Status" = 0 THEN "Seq" END), 0)
            FROM "FairRegistrations" WHERE "FairId" = @fair;
            """;
        command.Add("@fair", fairId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long Column(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        var (rows, seqs, users, minSeq, maxSeq, registered, lastSeated) =
            (Column(0), Column(1), Column(2), Column(3), Column(4), Column(5), Column(6));
        if (rows != n || seqs != n || users != n || minSeq != 1 || maxSeq != n || registered != seated || lastSeated != seated)
        {
            problems.Add($"database: {rows} rows, {seqs} distinct arrivals ({minSeq}..{maxSeq}), {users} people, {registered} registered up to arrival {lastSeated}");
        }

        return problems;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The one-minute load average (Linux), to tell rounds that shared the machine with other work.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}


internal sealed record Settings(int Processes, string? Redis, int Requests, int Capacity, int Rounds, int Warmup, int Connections, int Port,
    string DataDirectory, bool Keep, string ApiDll, bool Probe, IReadOnlyList<KeyValuePair<string, string>> ApiEnvironment,
    string? Postgres, string? Url, IReadOnlyList<int> CpuPids)
{
    public static Settings Parse(string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback, int min)
        {
            var text = Arg(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw new ArgumentException($"--{name} needs a whole number ≥ {min}, not '{text}'");
        }

        var data = Arg("data") ?? Path.Combine(Path.GetTempPath(), $"jobs-fair-bench-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var api = Arg("api") ?? Path.Combine(FindRepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "Jobs.Api.dll");
        return new Settings(
            Int("processes", 1, 1),
            string.IsNullOrWhiteSpace(Arg("redis")) ? null : Arg("redis"),
            Int("requests", 2000, 1),
            Int("capacity", 500, 0),
            Int("rounds", 3, 1),
            Int("warmup", 4, 0),
            Int("connections", 256, 1),
            Int("port", 5090, 1),
            Path.GetFullPath(data),
            args.Contains("--keep"),
            Path.GetFullPath(api),
            args.Contains("--probe"),
            ParseApiEnvironment(args),
            string.IsNullOrWhiteSpace(Arg("postgres")) ? null : Arg("postgres"),
            string.IsNullOrWhiteSpace(Arg("url")) ? null : Arg("url"),
            (Arg("cpu-pids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid
                    : throw new ArgumentException($"--cpu-pids needs process ids separated by commas, not '{p}'")).ToList());
    }

    // Every --api-env KEY=VALUE, passed to the API processes (e.g. DOTNET_PerfMapEnabled=1 for perf, Logging__LogLevel__Default=Warning).
    private static List<KeyValuePair<string, string>> ParseApiEnvironment(string[] args)
    {
        var list = new List<KeyValuePair<string, string>>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--api-env")
            {
                var eq = args[i + 1].IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new ArgumentException($"--api-env needs KEY=VALUE, not '{args[i + 1]}'");
                }

                list.Add(new(args[i + 1][..eq], args[i + 1][(eq + 1)..]));
            }
        }

        return list;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new ArgumentException("Jobs.sln not found above the current directory; pass --api path/to/Jobs.Api.dll");
    }
}

internal sealed class RoundResult(double[] latencies, int[] codes, string[] bodies, double wallMs, double serverCpuMs, double harnessCpuMs)
{
    private readonly double[] _sorted = latencies.Order().ToArray();

    public int[] Codes { get; } = codes;

    public string[] Bodies { get; } = bodies;

    public double Throughput => Codes.Length / (wallMs / 1000);

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Max => _sorted[^1];

    public double ServerCpuMsPerRequest => serverCpuMs / Codes.Length;

    public string Summary() =>
        $"{Codes.Length:N0} requests in {wallMs / 1000:F2} s = {Throughput:N0} req/s; min {_sorted[0]:F1} ms, p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, "
        + $"max {Max:F1} ms; CPU server {(double.IsNaN(serverCpuMs) ? "not measured" : $"{serverCpuMs / 1000:F2} s ({ServerCpuMsPerRequest:F2} ms/request)")}, "
        + $"harness {harnessCpuMs / 1000:F2} s";

    // Nearest rank.
    private double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

