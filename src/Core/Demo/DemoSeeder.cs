using Jobs.Core.Fairs;
using System.Collections.Concurrent;
using System.Data.Common;
using Jobs.Core.Accounts;
using Jobs.Core.Employers;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jobs.Core.Demo;

/// <summary>How much demo data to create.</summary>
public sealed record DemoSize(int Employers, int Postings, int Graduates)
{
    public static DemoSize Default => new(500, 5000, 2000);
}

/// <summary>
/// Reported with <see cref="Done"/> = 0 when a phase starts and after every committed batch;
/// <see cref="Phase"/> is one of <see cref="DemoSeeder.Phases"/>.
/// </summary>
public sealed record DemoSeedProgress(string Phase, int Done, int Total);

public sealed record DemoSeedResult(int Organisers, int Employers, int Graduates, int Postings, int Seed, DateTime AnchorUtc, TimeSpan Elapsed);

/// <summary>
/// Fills an empty database with demo accounts, companies, résumés and postings from <see cref="DemoDataGenerator"/>.
/// Every demo account signs in with <see cref="DemoPassword"/>: organiser.{cityCode}@demo.jobs,
/// employer{n}@demo.jobs and graduate{n}@demo.jobs.
/// </summary>
/// <remarks>
/// Writes in batches, each in its own transaction, so a large seed does not hold one huge transaction; an interrupted
/// seed leaves the batches already committed. Give it a context of its own: it clears the change tracker.
/// </remarks>
public sealed class DemoSeeder(JobsDbContext db, CityDirectory cities, IPasswordHasher<User> passwordHasher, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<FairOptions> fairOptions, LicenceFiles licences)
{
    public const string DemoPassword = "Demo@2026";

    public const int DefaultSeed = 2026;

    public static class Phases
    {
        public const string Organisers = "organisers";
        public const string Employers = "employers";
        public const string Graduates = "graduates";
        public const string Postings = "postings";
    }

    /// <summary>Postings per transaction; accounts and résumés go in batches of a fifth of this.</summary>
    public int BatchSize { get; init; } = 10_000;

    // SQLite's default 2 MB page cache makes a large transaction spill dirty index pages to the WAL and rewrite them;
    // 64 MB keeps a batch in memory and lifts posting throughput by about a third. Restored after seeding.
    private const int SeedCacheSizeKiB = 65_536;

    // Without a row writer, SaveChanges sends one multi-statement command per call and SQLite parses all of it:
    // a few hundred rows per call is about twice as fast as a few thousand.
    private const int SaveChangesChunk = 200;

    /// <summary>True when there are neither employers nor postings: a fresh install that demo data may fill.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Employers.AnyAsync(cancellationToken) && !await db.Postings.AnyAsync(cancellationToken);

    /// <summary>Seeds when <see cref="IsEmptyAsync"/> says so; null when the database already had data.</summary>
    public async Task<DemoSeedResult?> SeedIfEmptyAsync(DemoSize size, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken cancellationToken) =>
        await IsEmptyAsync(cancellationToken) ? await SeedAsync(size, seed, progress, cancellationToken) : null;

    public async Task<DemoSeedResult> SeedAsync(DemoSize size, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfNegative(size.Employers);
        ArgumentOutOfRangeException.ThrowIfNegative(size.Postings);
        ArgumentOutOfRangeException.ThrowIfNegative(size.Graduates);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        if (size.Postings > 0 && size.Employers == 0)
        {
            throw new ArgumentException("Postings need at least one employer.", nameof(size));
        }

        var started = clock.GetTimestamp();
        var anchor = clock.GetUtcNow().UtcDateTime;
        var demoSuffix = "@" + DemoDataGenerator.EmailDomain;
        if (await db.Users.AnyAsync(u => u.Email.EndsWith(demoSuffix), cancellationToken))
        {
            throw new InvalidOperationException("The database already holds demo accounts; seed an empty database.");
        }

        // PBKDF2 is deliberately slow (100,000 iterations in ASP.NET Core Identity's V3 format): hashing per account
        // would take minutes for a large seed. Every demo account shares one password anyway, so one hash string,
        // salt included, verifies for all of them.
        var template = new User { Email = "demo" + demoSuffix, PasswordHash = "", DisplayName = "demo" };
        var hash = passwordHasher.HashPassword(template, DemoPassword);

        using var generator = new DemoDataGenerator(cities, seed, anchor) { PasswordHash = hash };
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var cacheSize = await PragmaAsync("cache_size", null, cancellationToken);
        try
        {
            await PragmaAsync("cache_size", -SeedCacheSizeKiB, cancellationToken);
            using var users = EntityRowWriter<User>.TryCreate(db, readBackKey: true);
            using var employers = EntityRowWriter<Employer>.TryCreate(db, readBackKey: true);
            using var resumes = EntityRowWriter<Resume>.TryCreate(db, readBackKey: false);
            var smallBatch = Math.Max(1, BatchSize / 5);

            var organisers = generator.CreateOrganisers();
            await InBatchesAsync(organisers, organisers.Count, smallBatch, Phases.Organisers, progress,
                (batch, tx) => AddChunkedAsync(users, tx, batch, cancellationToken), cancellationToken);

            var demoEmployers = generator.CreateEmployers(size.Employers);
            await InBatchesAsync(demoEmployers, demoEmployers.Count, smallBatch, Phases.Employers, progress, async (batch, tx) =>
            {
                await AddChunkedAsync(employers, tx, batch.Select(e => e.Employer), cancellationToken);
                foreach (var e in batch)
                {
                    e.Account.EmployerId = e.Employer.Id;
                }

                await AddChunkedAsync(users, tx, batch.Select(e => e.Account), cancellationToken);
            }, cancellationToken);

            await InBatchesAsync(generator.CreateGraduates(size.Graduates), size.Graduates, smallBatch, Phases.Graduates, progress, async (batch, tx) =>
            {
                await AddChunkedAsync(users, tx, batch.Select(g => g.Account), cancellationToken);
                foreach (var g in batch)
                {
                    g.Resume.OwnerUserId = g.Account.Id;
                }

                await AddChunkedAsync(resumes, tx, batch.Select(g => g.Resume), cancellationToken);
            }, cancellationToken);

            var postingEmployers = demoEmployers.Select(e => e.Employer).ToArray();
            await SeedPostingsAsync(generator, postingEmployers, size.Postings, progress, cancellationToken);
            await SeedFairsAsync(anchor, seed, cancellationToken);
            await SeedVerificationQueueAsync(anchor, cancellationToken);

            return new DemoSeedResult(organisers.Count, demoEmployers.Count, size.Graduates, size.Postings, seed, anchor, clock.GetElapsedTime(started));
        }
        finally
        {
            tracker.Clear();
            tracker.AutoDetectChangesEnabled = autoDetect;
            await PragmaAsync("cache_size", cacheSize, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A season of published fairs, one per member city of the default region by the rotation rule, plus the entrepreneurship
    /// contest; the first fair already takes registrations, with booth applications and some registered graduates.
    /// </summary>
    private async Task SeedFairsAsync(DateTime anchor, int seed, CancellationToken cancellationToken)
    {
        var region = cities.DefaultRegion;
        var zone = fairOptions.Value.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(anchor, zone));
        var plan = SeasonPlanner.Propose(new SeasonRequest(today.AddDays(10), today.AddDays(150), region.Cities.Count,
            region.Cities.Select(c => c.Code).ToList(), []));
        if (!plan.IsValid)
        {
            return;
        }

        var season = new FairSeason { Name = $"{region.Name}{today.Year}年高校毕业生招聘季", RegionCode = region.Code, From = today.AddDays(10), To = today.AddDays(150), CreatedAt = anchor };
        db.FairSeasons.Add(season);
        await db.SaveChangesAsync(cancellationToken);

        Fair Make(FairKind kind, DateOnly date, string cityCode, string title, int booths, int attendees, List<string> themes)
        {
            var city = cities.GetByCode(cityCode);
            var starts = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(fairOptions.Value.DefaultStartTime), zone);
            var (opens, employerCloses, attendeeCloses) = FairRules.DefaultWindows(starts, anchor);
            return new Fair
            {
                Kind = kind, Title = title, HostCityCode = city.Code, RegionCode = city.RegionCode, Venue = $"{city.Name}人才市场大厅",
                StartsAt = starts, EndsAt = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(fairOptions.Value.DefaultEndTime), zone),
                BoothCapacity = booths, AttendeeCapacity = attendees, Themes = themes,
                EmployerWindowOpensAt = opens, EmployerWindowClosesAt = employerCloses, AttendeeWindowOpensAt = opens, AttendeeWindowClosesAt = attendeeCloses,
                OtherCityBoothShare = fairOptions.Value.OtherCityBoothShare, State = opens <= anchor ? FairState.Open : FairState.Draft, OpenedAt = opens <= anchor ? anchor : null,
                PublishedAt = anchor, SeasonId = season.Id, TicketSalt = TicketCodes.NewSalt(), CreatedAt = anchor, UpdatedAt = anchor,
            };
        }

        string[][] themes = [["智能制造", "新能源"], ["软件和信息服务", "人工智能"], ["生物医药"], ["现代物流", "商贸服务"], ["文化旅游"]];
        var fairs = plan.Slots.Select((slot, i) => Make(FairKind.Fair, slot.Date, slot.HostCityCode,
            $"{season.Name}·{cities.GetByCode(slot.HostCityCode).Name}站", 80, 1500, themes[i % themes.Length].ToList())).ToList();
        var contestHost = plan.Slots[plan.Slots.Count / 2].HostCityCode;
        fairs.Add(Make(FairKind.Contest, today.AddDays(60), contestHost, $"{region.Name}青年创业大赛", 0, 60, ["创新创业"]));
        db.Fairs.AddRange(fairs);
        await db.SaveChangesAsync(cancellationToken);

        // The first fair is open: employers with postings have applied, half approved, and graduates have registered.
        var first = fairs[0];
        var random = new Random(seed);
        var exhibitors = await db.Postings.AsNoTracking().GroupBy(p => p.EmployerId)
            .Select(g => new { EmployerId = g.Key, Postings = g.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToList() })
            .OrderBy(g => g.EmployerId).Take(40).ToListAsync(cancellationToken);
        var employerCities = await db.Employers.AsNoTracking().Where(e => exhibitors.Select(x => x.EmployerId).Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.CityCode, cancellationToken);
        foreach (var (x, i) in exhibitors.Select((x, i) => (x, i)))
        {
            db.BoothApplications.Add(new BoothApplication
            {
                FairId = first.Id, EmployerId = x.EmployerId, EmployerCityCode = employerCities[x.EmployerId], PostingIds = x.Postings,
                Status = i % 2 == 0 ? BoothStatus.Approved : BoothStatus.Pending, AppliedAt = anchor.AddMinutes(-random.Next(1, 600)),
                DecidedAt = i % 2 == 0 ? anchor : null,
            });
        }

        var graduates = await db.Users.AsNoTracking().Where(u => u.Role == Role.Graduate).OrderBy(u => u.Id).Select(u => u.Id).Take(120)
            .ToListAsync(cancellationToken);
        foreach (var (userId, i) in graduates.Select((id, i) => (id, i)))
        {
            db.FairRegistrations.Add(new FairRegistration
            {
                FairId = first.Id, UserId = userId, Seq = i + 1, Status = RegistrationStatus.Registered,
                Ticket = TicketCodes.For(first.TicketSalt, first.Id, userId, i + 1), RegisteredAt = anchor, StatusChangedAt = anchor,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the pragma when <paramref name="value"/> is given; returns its value from before.</summary>
    private async Task<long> PragmaAsync(string name, long? value, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            // SQLite's page cache only; PostgreSQL sizes its own buffers.
            return 0;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        var before = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (value is { } v)
        {
            command.CommandText = $"PRAGMA {name}={v.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return before;
    }

    private async Task AddChunkedAsync<T>(EntityRowWriter<T>? writer, DbTransaction tx, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        if (writer is not null)
        {
            writer.Transaction = tx;
            foreach (var entity in entities)
            {
                writer.Insert(entity);
            }

            return;
        }

        foreach (var chunk in entities.Chunk(SaveChangesChunk))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task InBatchesAsync<T>(IEnumerable<T> items, int total, int batchSize, string phase, IProgress<DemoSeedProgress>? progress,
        Func<List<T>, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        var done = 0;
        var batch = new List<T>(Math.Min(batchSize, Math.Max(total, 1)));
        progress?.Report(new DemoSeedProgress(phase, 0, total));
        foreach (var item in items)
        {
            batch.Add(item);
            if (batch.Count == batchSize)
            {
                await CommitAsync();
            }
        }

        if (batch.Count > 0)
        {
            await CommitAsync();
        }

        async Task CommitAsync()
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await write(batch, tx.GetDbTransaction());
                await tx.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            done += batch.Count;
            batch.Clear();
            progress?.Report(new DemoSeedProgress(phase, done, total));
        }
    }

    private async Task SeedPostingsAsync(DemoDataGenerator generator, Employer[] employers, int total, IProgress<DemoSeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        progress?.Report(new DemoSeedProgress(Phases.Postings, 0, total));
        if (total == 0)
        {
            return;
        }

        // Generation runs on its own thread and hands over small chunks, so on two cores generating and inserting
        // overlap from the first posting on; the consumer still commits once per BatchSize rows. The generator (and
        // its ICU transliterator) is only ever touched by that one thread.
        const int chunkSize = 1_000;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<Posting[]>(boundedCapacity: 8);
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var chunk in generator.CreatePostings(employers, total).Chunk(chunkSize))
                {
                    queue.Add(chunk, stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await Task.Run(async () =>
            {
                using var writer = EntityRowWriter<Posting>.TryCreate(db, readBackKey: false);
                var done = 0;
                IDbContextTransaction? tx = null;
                try
                {
                    foreach (var chunk in queue.GetConsumingEnumerable(stop.Token))
                    {
                        tx ??= await db.Database.BeginTransactionAsync(stop.Token);
                        await AddChunkedAsync(writer, tx.GetDbTransaction(), chunk, stop.Token);
                        done += chunk.Length;
                        if (done % BatchSize < chunk.Length || done == total)
                        {
                            await tx.CommitAsync(stop.Token);
                            await tx.DisposeAsync();
                            tx = null;
                            db.ChangeTracker.Clear();
                            progress?.Report(new DemoSeedProgress(Phases.Postings, done, total));
                        }
                    }

                    if (tx is not null)
                    {
                        // Only reached when the generator stopped short; its error surfaces when the producer is awaited.
                        await tx.CommitAsync(stop.Token);
                        progress?.Report(new DemoSeedProgress(Phases.Postings, done, total));
                    }
                }
                finally
                {
                    if (tx is not null)
                    {
                        await tx.DisposeAsync();
                    }
                }
            }, stop.Token);
        }
        catch
        {
            // Unblock the producer if it is waiting for room in the queue.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            try
            {
                await producer;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Only cancelled because the consumer failed or the caller cancelled; that error is the one to report.
            }
        }
    }

    /// <summary>
    /// Demo employers are verified; up to four without postings are put in review (pending, with a licence picture) and two
    /// more left unverified, so the organisers' review queue and the employer's banner have something to show. Employers
    /// without postings, so the public demo numbers (postings, search) stay as they were.
    /// </summary>
    private async Task SeedVerificationQueueAsync(DateTime anchor, CancellationToken cancellationToken)
    {
        var idle = await db.Employers.AsNoTracking().Where(e => !db.Postings.Any(p => p.EmployerId == e.Id))
            .OrderByDescending(e => e.Id).Take(6).ToListAsync(cancellationToken);
        if (idle.Count == 0)
        {
            return;
        }

        var pending = idle.Take(4).ToList();
        var unverified = idle.Skip(4).Select(e => e.Id).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var employer in pending)
        {
            var file = await licences.SaveAsync(employer.Id, DemoLicencePng, ".png", cancellationToken);
            db.VerificationSubmissions.Add(new VerificationSubmission
            {
                EmployerId = employer.Id, Source = VerificationSource.Employer, CreditCode = employer.CreditCode, LegalName = employer.Name,
                CityCode = employer.CityCode, LicenceFile = file, LicenceContentType = "image/png", LicenceBytes = DemoLicencePng.Length,
                LicenceOriginalName = "营业执照.png", SubmittedAt = anchor.AddHours(-(employer.Id % 48)), Status = SubmissionStatus.Pending,
            });
        }

        var pendingIds = pending.Select(e => e.Id).ToList();
        await db.Employers.Where(e => pendingIds.Contains(e.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Verification, VerificationStatus.Pending), cancellationToken);
        await db.Employers.Where(e => unverified.Contains(e.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Verification, VerificationStatus.Unverified), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>A 1×1 PNG standing in for a licence photo.</summary>
    private static readonly byte[] DemoLicencePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
