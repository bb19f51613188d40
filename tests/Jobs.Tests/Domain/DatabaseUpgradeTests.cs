using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Imports;
using Jobs.Tests.Matching;
using Microsoft.Data.Sqlite;

namespace Jobs.Tests.Domain;

/// <remarks>SQLite only: each test writes an old release's SQLite file; PostgreSQL has no releases before version 15.</remarks>
[Trait("Database", "SqliteOnly")]
public class DatabaseUpgradeTests
{
    /// <summary>
    /// Undoes every step from 10 on, newest first; each older-version test then undoes the steps up to 9 itself. A new
    /// step adds its reverse here, so every upgrade test keeps turning the file back completely.
    /// </summary>
    private static readonly SortedDictionary<int, string> LaterStepsUndo = new()
    {
        [10] = "ALTER TABLE Postings DROP COLUMN Holds;",
        [11] = """
            DROP INDEX IX_Users_DeletionDueAt; DROP INDEX IX_Resumes_UpdatedAt;
            ALTER TABLE Users DROP COLUMN DeletionRequestedAt; ALTER TABLE Users DROP COLUMN DeletionDueAt; ALTER TABLE Users DROP COLUMN ErasedAt;
            ALTER TABLE Resumes DROP COLUMN HiddenReason; ALTER TABLE Resumes DROP COLUMN VisibilityBeforeHiding;
            ALTER TABLE Resumes DROP COLUMN RetentionNoticeAt;
            """,
        [12] = """
            DROP TABLE ComplianceReviews; DROP TABLE ComplianceFindings;
            """,
        [13] = """
            DROP TABLE VerificationSubmissions; ALTER TABLE Employers DROP COLUMN Verification;
            """,
        [14] = """
            DROP TABLE ContactViews; DROP TABLE ContactRevealFlags;
            """,
        [15] = """
            DROP TABLE StatCells; DROP TABLE StatPeriodRuns;
            """,
        [16] = """
            DROP TABLE IndexChanges;
            """,
    };

    private static string UndoLaterSteps() => UndoStepsAfter(9);

    private static string UndoStepsAfter(int version)
    {
        Assert.Equal(DatabaseInitializer.CurrentVersion, LaterStepsUndo.Keys.Max());
        return string.Join("\n", LaterStepsUndo.Where(step => step.Key > version).Reverse().Select(step => step.Value)) + "\n";
    }

    [Fact]
    public async Task Start_Version1File_UpgradesKeepingDataAndEnablesAlertsAndImports()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long resumeId;
            string graduateEmail;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                graduateEmail = graduate.Email;
                resumeId = await graduate.CreateResumeAsync(MatchingFixture.Resume("会计学", "本科", ["用友"], ["南京"]));
            }

            // Turn the file back into what version 1 of the platform wrote: no desired titles, no alert or notification tables,
            // no import tables or leases (version 3).
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoLaterSteps() + """
                    DROP TABLE EmployerChanges;
                    DROP TABLE RefreshTokens; DROP TABLE Sessions;
                    ALTER TABLE Users DROP COLUMN SecurityStamp; ALTER TABLE Users DROP COLUMN FailedSignInCount;
                    ALTER TABLE Users DROP COLUMN LastFailedSignInAt; ALTER TABLE Users DROP COLUMN LockoutEnd;
                    DROP TABLE FairSeatCounters; DROP TABLE FairRegistrations; DROP TABLE BoothApplications; DROP TABLE Fairs; DROP TABLE FairSeasons;
                    DROP TABLE ImportProblems; DROP TABLE ImportRuns; DROP TABLE PostingSources; DROP TABLE DistributedLocks;
                    DROP INDEX IX_Postings_UpdatedAt;
                    DROP TABLE AlertedPostings; DROP TABLE AlertSubscriptions; DROP TABLE Notifications;
                    ALTER TABLE Resumes DROP COLUMN DesiredTitles;
                    ALTER TABLE Postings DROP COLUMN AcceptsBeginners; ALTER TABLE Postings DROP COLUMN Type; ALTER TABLE Postings DROP COLUMN Cohort;
                    ALTER TABLE Postings DROP COLUMN SalaryBasis; ALTER TABLE Postings DROP COLUMN PostedSalaryMin;
                    ALTER TABLE Postings DROP COLUMN PostedSalaryMax; ALTER TABLE Postings DROP COLUMN Benefits;
                    DROP INDEX IX_Postings_FunctionCode; ALTER TABLE Postings DROP COLUMN FunctionCode;
                    ALTER TABLE Employers DROP COLUMN IndustryCode;
                    DROP TABLE ApplicationStageChanges; DROP INDEX IX_Applications_PostingId_Stage;
                    ALTER TABLE Applications DROP COLUMN Stage; ALTER TABLE Applications DROP COLUMN StageChangedAt;
                    ALTER TABLE Applications DROP COLUMN ViewedAt;
                    UPDATE SchemaInfo SET Version = 1;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var admin = await second.SignInAdminAsync();
            // An account from before the upgrade signs in, refreshes and signs out with the new sessions.
            var returning = await second.SignInAsync(graduateEmail);
            Assert.Equal(HttpStatusCode.OK, (await returning.Client.GetAsync("/api/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK,
                (await second.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = returning.RefreshToken })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await returning.Client.PostAsync("/api/auth/logout", null)).StatusCode);
            var resume = JsonNode.Parse(await admin.Client.GetStringAsync($"/api/resumes/{resumeId}"))!;
            Assert.Equal("会计学", (string)resume["major"]!);
            Assert.Empty(resume["desiredTitles"]!.AsArray());

            var graduate2 = await second.RegisterGraduateAsync();
            var alert = await graduate2.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "会计" });
            Assert.Equal(HttpStatusCode.Created, alert.StatusCode);

            var imported = await Jobs.Tests.Imports.ImportTestKit.UploadOkAsync(admin, "南京",
                Jobs.Tests.Imports.ImportTestKit.Csv(Jobs.Tests.Imports.ImportTestKit.Rows("up", 2)));
            Assert.Equal(2, (int)imported["counts"]!["added"]!);
            var fair = await admin.Client.PostAsJsonAsync("/api/fairs", Jobs.Tests.Fairs.FairTestKit.Fair(second));
            Assert.Equal(HttpStatusCode.Created, fair.StatusCode);
            Assert.False((bool)imported["ownCityOnly"]!);
            var employer = await second.RegisterEmployerAsync("南京", "南京升级测试有限公司");
            var profile = JsonNode.Parse(await employer.Client.GetStringAsync($"/api/employers/{employer.EmployerId}"))!;
            var renamed = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
                new { name = "南京升级测试股份有限公司", creditCode = (string)profile["creditCode"]!, city = "南京" });
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            var changes = JsonNode.Parse(await employer.Client.GetStringAsync($"/api/employers/{employer.EmployerId}/changes"))!;
            Assert.Equal("南京升级测试股份有限公司", (string)changes["items"]![0]!["newValue"]!);

            await using var check = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False");
            await check.OpenAsync();
            var version = check.CreateCommand();
            version.CommandText = "SELECT Version FROM SchemaInfo";
            Assert.Equal((long)DatabaseInitializer.CurrentVersion, (long)(await version.ExecuteScalarAsync())!);
            var stamps = check.CreateCommand();
            stamps.CommandText = "SELECT COUNT(*), COUNT(DISTINCT SecurityStamp) FROM Users WHERE length(SecurityStamp) = 32";
            await using var reader = await stamps.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.True(reader.GetInt64(0) >= 3);
            Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Start_Version6File_DerivesBenefitTagsAndBeginnersFromDescriptions()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long postingId;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var employer = await first.RegisterEmployerAsync("滁州", "滁州恒力电子制造有限公司");
                postingId = await employer.CreatePostingAsync(new
                {
                    title = "普工", description = "流水线装配，包吃住，长白班，零基础包教包会。", city = "滁州", salaryMin = 5000, salaryMax = 7000,
                    education = "初中", experience = "不限",
                });
            }

            // What version 6 wrote: none of the job-model columns.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoLaterSteps() + """
                    ALTER TABLE Postings DROP COLUMN AcceptsBeginners; ALTER TABLE Postings DROP COLUMN Type; ALTER TABLE Postings DROP COLUMN Cohort;
                    ALTER TABLE Postings DROP COLUMN SalaryBasis; ALTER TABLE Postings DROP COLUMN PostedSalaryMin;
                    ALTER TABLE Postings DROP COLUMN PostedSalaryMax; ALTER TABLE Postings DROP COLUMN Benefits;
                    DROP INDEX IX_Postings_FunctionCode; ALTER TABLE Postings DROP COLUMN FunctionCode;
                    ALTER TABLE Employers DROP COLUMN IndustryCode;
                    DROP TABLE ApplicationStageChanges; DROP INDEX IX_Applications_PostingId_Stage;
                    ALTER TABLE Applications DROP COLUMN Stage; ALTER TABLE Applications DROP COLUMN StageChangedAt;
                    ALTER TABLE Applications DROP COLUMN ViewedAt;
                    UPDATE SchemaInfo SET Version = 6;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var posting = JsonNode.Parse(await second.CreateClient().GetStringAsync($"/api/postings/{postingId}"))!;
            var benefits = posting["benefits"]!.AsArray().Select(b => ((string)b!["name"]!, (string)b["source"]!)).ToList();
            Assert.Contains(("包吃住", "extracted"), benefits);
            Assert.Contains(("长白班", "extracted"), benefits);
            Assert.True((bool)posting["acceptsBeginners"]!);
            // Step 8 classified the stored posting's function from its title.
            Assert.Equal(("general-worker", "production"), ((string)posting["functionCode"]!, (string)posting["functionGroupCode"]!));
            Assert.Equal(("全职", "初中及以下", "5-7K"), ((string)posting["type"]!, (string)posting["education"]!, (string)posting["salaryDisplay"]!));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Start_Version10File_KeepsEveryEmployerVerifiedRecordingFeedEmployersAsImported()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long ownId, fedId, postingId;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var own = await first.RegisterEmployerAsync("南京", "南京升级认证测试有限公司", verified: false);
                ownId = own.EmployerId!.Value;
                var organiser = await first.CreateOrganiserAsync("南京");
                await organiser.UploadOkAsync("南京", Jobs.Tests.Imports.ImportTestKit.Csv(Jobs.Tests.Imports.ImportTestKit.Row("upgrade-verify-1",
                    ("title", "升级认证数据源专员"), ("employer_name", "南京升级数据源企业有限公司"), ("employer_credit_code", ""))));
                var admin = await first.SignInAdminAsync();
                var found = await (await admin.Client.GetAsync("/api/employers?name=" + Uri.EscapeDataString("南京升级数据源企业"))).ReadObjectAsync();
                fedId = (long)found["items"]!.AsArray().Single()!["id"]!;
                // Version 10 had no verification: nothing held an employer's postings back.
                postingId = await own.CreatePostingAsync(ApiClient.ValidPosting("升级认证测试工程师"));
            }

            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoStepsAfter(10) + """
                    UPDATE Postings SET Holds = 0;
                    UPDATE SchemaInfo SET Version = 10;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var reviewer = await second.SignInAdminAsync();
            async Task<(string Status, string Source)> StateOf(long id)
            {
                var state = await (await reviewer.Client.GetAsync($"/api/employers/{id}/verification")).ReadObjectAsync();
                var record = state["history"]!.AsArray().Single()!;
                Assert.Equal("approved", (string)record["status"]!);
                return ((string)state["status"]!, (string)record["source"]!);
            }

            Assert.Equal(("verified", "migration"), await StateOf(ownId));
            Assert.Equal(("verified", "import"), await StateOf(fedId));
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync($"/api/postings/{postingId}")).StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Start_Version8FileWithApplication_BecomesSubmittedWithHistoryAndMovesOn()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string graduateEmail, employerEmail;
            long graduateId, applicationId;
            string createdAt;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var employer = await first.RegisterEmployerAsync("南京", "南京升级投递测试有限公司");
                employerEmail = employer.Email;
                var postingId = await employer.CreatePostingAsync();
                var graduate = await first.RegisterGraduateAsync();
                (graduateEmail, graduateId) = (graduate.Email, graduate.UserId);
                await graduate.CreateResumeAsync();
                var applied = await (await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "您好" })).ReadObjectAsync();
                applicationId = (long)applied["id"]!;
                createdAt = (string)applied["createdAt"]!;
            }

            // What version 8 wrote: applications without a stage, and no history.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoLaterSteps() + """
                    DROP TABLE ApplicationStageChanges; DROP INDEX IX_Applications_PostingId_Stage;
                    ALTER TABLE Applications DROP COLUMN Stage; ALTER TABLE Applications DROP COLUMN StageChangedAt;
                    ALTER TABLE Applications DROP COLUMN ViewedAt;
                    UPDATE SchemaInfo SET Version = 8;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var returning = await second.SignInAsync(graduateEmail);
            var mine = JsonNode.Parse(await returning.Client.GetStringAsync("/api/me/applications"))!.AsArray().Single()!["application"]!;
            Assert.Equal(("submitted", "已投递"), ((string)mine["stage"]!, (string)mine["stageLabel"]!));
            Assert.Equal(createdAt, (string)mine["stageChangedAt"]!);
            Assert.Null(mine["viewedAt"]);
            var history = mine["history"]!.AsArray().Single()!;
            Assert.Equal((null, "submitted", graduateId, createdAt),
                ((string?)history["from"], (string)history["to"]!, (long)history["byUserId"]!, (string)history["at"]!));

            var employerBack = await second.SignInAsync(employerEmail);
            var moved = await employerBack.Client.PostAsJsonAsync($"/api/applications/{applicationId}/stage", new
            {
                stage = "interviewInvited", interview = new { at = second.Clock.GetUtcNow().AddDays(2), place = "南京市鼓楼区中山路 1 号" },
            });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            mine = JsonNode.Parse(await returning.Client.GetStringAsync("/api/me/applications"))!.AsArray().Single()!["application"]!;
            Assert.Equal(["submitted", "interviewInvited"], mine["history"]!.AsArray().Select(h => (string)h!["to"]!));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Start_Version9FileWithResume_AddsDataRightsColumnsAndClosingWorks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string email;
            long resumeId;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                email = graduate.Email;
                resumeId = await graduate.CreateResumeAsync();
            }

            // What version 9 wrote: no deletion dates on accounts, no platform hiding on résumés.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoLaterSteps() + """
                    UPDATE SchemaInfo SET Version = 9;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using var second = JobsApiFactory.OverFolder(folder);
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
            var returning = await second.SignInAsync(email);
            var closing = await returning.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me")
            {
                Content = JsonContent.Create(new { password = ApiClient.Password }),
            });
            Assert.Equal(HttpStatusCode.Accepted, closing.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await second.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await returning.Client.DeleteAsync("/api/me/deletion")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Start_Version9FileWithPlainContacts_EncryptsThemAndTheOwnerStillReadsThem()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string email;
            long resumeId;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                email = graduate.Email;
                resumeId = await graduate.CreateResumeAsync();
            }

            // What version 9 wrote: contact columns in plain text, no access records.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = UndoLaterSteps() + $"""
                    UPDATE Resumes SET ContactPhone = '13955556666', ContactEmail = 'plain@example.com', ContactIdNumber = '11010519491231002X' WHERE Id = {resumeId};
                    UPDATE SchemaInfo SET Version = 9;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            using (var second = JobsApiFactory.OverFolder(folder))
            {
                var back = await second.SignInAsync(email);
                var contact = JsonNode.Parse(await back.Client.GetStringAsync("/api/me/resume"))!["contact"]!;
                Assert.Equal(("13955556666", "plain@example.com", "11010519491231002X"),
                    ((string)contact["phone"]!, (string)contact["email"]!, (string)contact["idNumber"]!));
            }

            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = $"SELECT ContactPhone || ContactEmail || ContactIdNumber FROM Resumes WHERE Id = {resumeId}";
                var stored = (string)(await command.ExecuteScalarAsync())!;
                Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
                Assert.DoesNotContain("13955556666", stored, StringComparison.Ordinal);
                Assert.DoesNotContain("plain@example.com", stored, StringComparison.Ordinal);
                Assert.DoesNotContain("11010519491231002X", stored, StringComparison.Ordinal);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
