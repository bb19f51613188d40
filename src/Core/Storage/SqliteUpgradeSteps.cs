namespace Jobs.Core.Storage;

/// <summary>
/// The SQLite DDL that brought files from version 1 to 15, one entry per version, kept verbatim: files of every older release
/// still upgrade through them. PostgreSQL databases start at version 15 from the model and never run these.
/// </summary>
internal static class SqliteUpgradeSteps
{
    public static readonly IReadOnlyDictionary<int, string[]> Steps = new Dictionary<int, string[]>
    {
        // 2: desired titles on résumés; notifications; job alerts.
        [2] =
        [
            "ALTER TABLE \"Resumes\" ADD COLUMN \"DesiredTitles\" TEXT NOT NULL DEFAULT '[]';",
            """
            CREATE TABLE "Notifications" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
                "UserId" INTEGER NOT NULL,
                "Kind" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "Body" TEXT NOT NULL,
                "Link" TEXT NULL,
                "DedupKey" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "ReadAt" TEXT NULL,
                "Postings" TEXT NULL,
                CONSTRAINT "FK_Notifications_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE UNIQUE INDEX \"IX_Notifications_UserId_DedupKey\" ON \"Notifications\" (\"UserId\", \"DedupKey\");",
            "CREATE INDEX \"IX_Notifications_UserId_ReadAt\" ON \"Notifications\" (\"UserId\", \"ReadAt\");",
            """
            CREATE TABLE "AlertSubscriptions" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertSubscriptions" PRIMARY KEY AUTOINCREMENT,
                "UserId" INTEGER NOT NULL,
                "Kind" INTEGER NOT NULL,
                "Name" TEXT NOT NULL,
                "ResumeId" INTEGER NULL,
                "LastPostingId" INTEGER NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "LastRunAt" TEXT NULL,
                "Criteria" TEXT NULL,
                CONSTRAINT "FK_AlertSubscriptions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_AlertSubscriptions_UserId\" ON \"AlertSubscriptions\" (\"UserId\");",
            """
            CREATE TABLE "AlertedPostings" (
                "UserId" INTEGER NOT NULL,
                "PostingId" INTEGER NOT NULL,
                "SubscriptionId" INTEGER NOT NULL,
                "NotificationId" INTEGER NOT NULL,
                "NotifiedAt" TEXT NOT NULL,
                CONSTRAINT "PK_AlertedPostings" PRIMARY KEY ("UserId", "PostingId")
            );
            """,
            "CREATE INDEX \"IX_AlertedPostings_SubscriptionId\" ON \"AlertedPostings\" (\"SubscriptionId\");",
        ],
        // 3: city feed imports (runs, their problems, posting sources), database leases, postings by update time.
        [3] =
        [
            "CREATE INDEX \"IX_Postings_UpdatedAt\" ON \"Postings\" (\"UpdatedAt\");",
            """
            CREATE TABLE "ImportRuns" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportRuns" PRIMARY KEY AUTOINCREMENT,
                "SourceCity" TEXT NOT NULL,
                "Trigger" INTEGER NOT NULL,
                "Status" INTEGER NOT NULL,
                "FileName" TEXT NULL,
                "Format" TEXT NULL,
                "Encoding" TEXT NULL,
                "FileBytes" INTEGER NOT NULL,
                "StartedAt" TEXT NOT NULL,
                "FinishedAt" TEXT NULL,
                "DurationMs" INTEGER NULL,
                "Records" INTEGER NOT NULL,
                "Added" INTEGER NOT NULL,
                "Merged" INTEGER NOT NULL,
                "Updated" INTEGER NOT NULL,
                "Closed" INTEGER NOT NULL,
                "Unchanged" INTEGER NOT NULL,
                "Rejected" INTEGER NOT NULL,
                "Warnings" INTEGER NOT NULL,
                "OpenBefore" INTEGER NOT NULL,
                "FileError" TEXT NULL,
                "FileErrorLine" INTEGER NULL,
                "Message" TEXT NULL,
                "RequestedBy" INTEGER NULL,
                "ConfirmsRunId" INTEGER NULL,
                "DecidedBy" INTEGER NULL,
                "DecidedAt" TEXT NULL
            );
            """,
            "CREATE INDEX \"IX_ImportRuns_SourceCity_Id\" ON \"ImportRuns\" (\"SourceCity\", \"Id\");",
            """
            CREATE TABLE "ImportProblems" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportProblems" PRIMARY KEY AUTOINCREMENT,
                "RunId" INTEGER NOT NULL,
                "Kind" INTEGER NOT NULL,
                "Line" INTEGER NOT NULL,
                "ExternalId" TEXT NULL,
                "Field" TEXT NOT NULL,
                "Reason" TEXT NOT NULL,
                CONSTRAINT "FK_ImportProblems_ImportRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "ImportRuns" ("Id") ON DELETE CASCADE
            );
            """,
            "CREATE INDEX \"IX_ImportProblems_RunId_Kind_Line\" ON \"ImportProblems\" (\"RunId\", \"Kind\", \"Line\");",
            """
            CREATE TABLE "PostingSources" (
                "SourceCity" TEXT NOT NULL,
                "ExternalId" TEXT NOT NULL,
                "PostingId" INTEGER NOT NULL,
                "DuplicateKey" TEXT NOT NULL,
                "ContentHash" TEXT NOT NULL,
                "Active" INTEGER NOT NULL,
                "LastRunId" INTEGER NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                CONSTRAINT "PK_PostingSources" PRIMARY KEY ("SourceCity", "ExternalId"),
                CONSTRAINT "FK_PostingSources_Postings_PostingId" FOREIGN KEY ("PostingId") REFERENCES "Postings" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_PostingSources_DuplicateKey\" ON \"PostingSources\" (\"DuplicateKey\");",
            "CREATE INDEX \"IX_PostingSources_PostingId\" ON \"PostingSources\" (\"PostingId\");",
            """
            CREATE TABLE "DistributedLocks" (
                "Name" TEXT NOT NULL CONSTRAINT "PK_DistributedLocks" PRIMARY KEY,
                "Owner" TEXT NOT NULL,
                "ExpiresAtMs" INTEGER NOT NULL
            );
            """,
        ],
        // 4: recruitment fairs and contests, seasons, booth applications, attendee and team registrations, seat tallies.
        [4] =
        [
            """
            CREATE TABLE "Fairs" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Fairs" PRIMARY KEY AUTOINCREMENT,
                "Kind" INTEGER NOT NULL,
                "Title" TEXT NOT NULL,
                "Description" TEXT NULL,
                "HostCityCode" TEXT NOT NULL,
                "RegionCode" TEXT NOT NULL,
                "Venue" TEXT NOT NULL,
                "StartsAt" TEXT NOT NULL,
                "EndsAt" TEXT NOT NULL,
                "BoothCapacity" INTEGER NOT NULL,
                "AttendeeCapacity" INTEGER NOT NULL,
                "Themes" TEXT NOT NULL,
                "EmployerWindowOpensAt" TEXT NOT NULL,
                "EmployerWindowClosesAt" TEXT NOT NULL,
                "AttendeeWindowOpensAt" TEXT NOT NULL,
                "AttendeeWindowClosesAt" TEXT NOT NULL,
                "OtherCityBoothShare" REAL NOT NULL,
                "State" INTEGER NOT NULL,
                "PublishedAt" TEXT NULL,
                "SeasonId" INTEGER NULL,
                "TicketSalt" TEXT NOT NULL,
                "CreatedBy" INTEGER NULL,
                "CreatedAt" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "OpenedAt" TEXT NULL,
                "ClosedAt" TEXT NULL,
                "BoothsAllocatedAt" TEXT NULL,
                "RemindersSentAt" TEXT NULL,
                "HeldAt" TEXT NULL,
                "ArchivedAt" TEXT NULL,
                "Report" TEXT NULL
            );
            """,
            "CREATE INDEX \"IX_Fairs_HostCityCode_StartsAt\" ON \"Fairs\" (\"HostCityCode\", \"StartsAt\");",
            "CREATE INDEX \"IX_Fairs_SeasonId\" ON \"Fairs\" (\"SeasonId\");",
            "CREATE INDEX \"IX_Fairs_State_StartsAt\" ON \"Fairs\" (\"State\", \"StartsAt\");",
            """
            CREATE TABLE "FairSeasons" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_FairSeasons" PRIMARY KEY AUTOINCREMENT,
                "Name" TEXT NOT NULL,
                "RegionCode" TEXT NOT NULL,
                "Kind" INTEGER NOT NULL,
                "From" TEXT NOT NULL,
                "To" TEXT NOT NULL,
                "CreatedBy" INTEGER NULL,
                "CreatedAt" TEXT NOT NULL
            );
            """,
            """
            CREATE TABLE "BoothApplications" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_BoothApplications" PRIMARY KEY AUTOINCREMENT,
                "FairId" INTEGER NOT NULL,
                "EmployerId" INTEGER NOT NULL,
                "EmployerCityCode" TEXT NOT NULL,
                "PostingIds" TEXT NOT NULL,
                "Note" TEXT NULL,
                "Status" INTEGER NOT NULL,
                "AppliedAt" TEXT NOT NULL,
                "DecidedAt" TEXT NULL,
                "DecidedBy" INTEGER NULL,
                "DecisionNote" TEXT NULL,
                "BoothNumber" INTEGER NULL,
                "WaitlistPosition" INTEGER NULL,
                "AllocatedAt" TEXT NULL,
                CONSTRAINT "FK_BoothApplications_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_BoothApplications_Fairs_FairId" FOREIGN KEY ("FairId") REFERENCES "Fairs" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_BoothApplications_EmployerId\" ON \"BoothApplications\" (\"EmployerId\");",
            "CREATE UNIQUE INDEX \"IX_BoothApplications_FairId_EmployerId\" ON \"BoothApplications\" (\"FairId\", \"EmployerId\");",
            "CREATE INDEX \"IX_BoothApplications_FairId_Status_AppliedAt\" ON \"BoothApplications\" (\"FairId\", \"Status\", \"AppliedAt\");",
            """
            CREATE TABLE "FairRegistrations" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_FairRegistrations" PRIMARY KEY AUTOINCREMENT,
                "FairId" INTEGER NOT NULL,
                "UserId" INTEGER NOT NULL,
                "Seq" INTEGER NOT NULL,
                "Status" INTEGER NOT NULL,
                "Ticket" TEXT NULL,
                "TeamName" TEXT NULL,
                "ProjectName" TEXT NULL,
                "ProjectSummary" TEXT NULL,
                "RegisteredAt" TEXT NOT NULL,
                "StatusChangedAt" TEXT NOT NULL,
                "CheckedInAt" TEXT NULL,
                "CheckedInBy" INTEGER NULL,
                "Members" TEXT NULL,
                CONSTRAINT "FK_FairRegistrations_Fairs_FairId" FOREIGN KEY ("FairId") REFERENCES "Fairs" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_FairRegistrations_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE UNIQUE INDEX \"IX_FairRegistrations_FairId_Seq\" ON \"FairRegistrations\" (\"FairId\", \"Seq\");",
            "CREATE INDEX \"IX_FairRegistrations_FairId_Status_Seq\" ON \"FairRegistrations\" (\"FairId\", \"Status\", \"Seq\");",
            "CREATE UNIQUE INDEX \"IX_FairRegistrations_FairId_UserId\" ON \"FairRegistrations\" (\"FairId\", \"UserId\");",
            "CREATE UNIQUE INDEX \"IX_FairRegistrations_Ticket\" ON \"FairRegistrations\" (\"Ticket\") WHERE Ticket IS NOT NULL;",
            "CREATE INDEX \"IX_FairRegistrations_UserId\" ON \"FairRegistrations\" (\"UserId\");",
            """
            CREATE TABLE "FairSeatCounters" (
                "FairId" INTEGER NOT NULL CONSTRAINT "PK_FairSeatCounters" PRIMARY KEY,
                "LastSeq" INTEGER NOT NULL,
                "Registered" INTEGER NOT NULL,
                "Waitlisted" INTEGER NOT NULL
            );
            """,
        ],
        // 5: revocable sign-in (security stamps, sessions, refresh tokens) and sign-in lockout counters. Existing accounts get
        // a random stamp each; tokens issued before the upgrade carry none and must sign in again.
        [5] =
        [
            "ALTER TABLE \"Users\" ADD COLUMN \"SecurityStamp\" TEXT NOT NULL DEFAULT '';",
            "UPDATE \"Users\" SET \"SecurityStamp\" = lower(hex(randomblob(16)));",
            "ALTER TABLE \"Users\" ADD COLUMN \"FailedSignInCount\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Users\" ADD COLUMN \"LastFailedSignInAt\" TEXT NULL;",
            "ALTER TABLE \"Users\" ADD COLUMN \"LockoutEnd\" TEXT NULL;",
            """
            CREATE TABLE "Sessions" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY,
                "UserId" INTEGER NOT NULL,
                "SecurityStamp" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "RevokedAt" TEXT NULL,
                CONSTRAINT "FK_Sessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_Sessions_UserId\" ON \"Sessions\" (\"UserId\");",
            """
            CREATE TABLE "RefreshTokens" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY AUTOINCREMENT,
                "UserId" INTEGER NOT NULL,
                "SessionId" TEXT NOT NULL,
                "TokenHash" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "ExpiresAt" TEXT NOT NULL,
                "SpentAt" TEXT NULL,
                "RevokedAt" TEXT NULL,
                "ReplacedById" INTEGER NULL,
                CONSTRAINT "FK_RefreshTokens_Sessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "Sessions" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_RefreshTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_RefreshTokens_SessionId\" ON \"RefreshTokens\" (\"SessionId\");",
            "CREATE UNIQUE INDEX \"IX_RefreshTokens_TokenHash\" ON \"RefreshTokens\" (\"TokenHash\");",
            "CREATE INDEX \"IX_RefreshTokens_UserId\" ON \"RefreshTokens\" (\"UserId\");",
        ],
        // 6: employer identity changes; imports limited to the organiser's city; booth applications' city at application time.
        [6] =
        [
            """
            CREATE TABLE "EmployerChanges" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_EmployerChanges" PRIMARY KEY AUTOINCREMENT,
                "EmployerId" INTEGER NOT NULL,
                "Field" TEXT NOT NULL,
                "OldValue" TEXT NULL,
                "NewValue" TEXT NULL,
                "ActorUserId" INTEGER NULL,
                "ChangedAt" TEXT NOT NULL,
                CONSTRAINT "FK_EmployerChanges_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_EmployerChanges_EmployerId_Id\" ON \"EmployerChanges\" (\"EmployerId\", \"Id\");",
            "ALTER TABLE \"ImportRuns\" ADD COLUMN \"OwnCityOnly\" INTEGER NOT NULL DEFAULT 0;",
            // The column came with the booth tables; a row written without a city takes the employer's city of today, the best left.
            """
            UPDATE "BoothApplications" SET "EmployerCityCode" =
                (SELECT "CityCode" FROM "Employers" WHERE "Employers"."Id" = "BoothApplications"."EmployerId")
            WHERE "EmployerCityCode" IS NULL OR "EmployerCityCode" = '';
            """,
        ],
        // 7: the job data model: posting type and cohort, accepts-beginners, benefit tags, salary as published. Benefit tags
        // of existing postings are derived from their descriptions on start (BackfillPostingTermsAsync): SQL cannot.
        [7] =
        [
            "ALTER TABLE \"Postings\" ADD COLUMN \"AcceptsBeginners\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"Type\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"Cohort\" INTEGER NULL;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"SalaryBasis\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"PostedSalaryMin\" REAL NULL;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"PostedSalaryMax\" REAL NULL;",
            "ALTER TABLE \"Postings\" ADD COLUMN \"Benefits\" TEXT NULL;",
            // 应届生 postings were always meant for people without experience.
            "UPDATE \"Postings\" SET \"AcceptsBeginners\" = 1 WHERE \"Experience\" = 1;",
        ],
        // 8: job function (职能) on postings, industry section on employers. Functions of existing postings are classified
        // from category and title on start (BackfillFunctionsAsync); industries from the text where it names a section.
        [8] =
        [
            "ALTER TABLE \"Postings\" ADD COLUMN \"FunctionCode\" TEXT NULL;",
            "CREATE INDEX \"IX_Postings_FunctionCode\" ON \"Postings\" (\"FunctionCode\");",
            "ALTER TABLE \"Employers\" ADD COLUMN \"IndustryCode\" TEXT NULL;",
        ],
        // 9: the application pipeline: a stage on each application and the history of its moves. Applications stored before
        // are submitted, changed when they were made, and their history starts with that submission (by the graduate).
        [9] =
        [
            "ALTER TABLE \"Applications\" ADD COLUMN \"Stage\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Applications\" ADD COLUMN \"StageChangedAt\" TEXT NOT NULL DEFAULT '';",
            "ALTER TABLE \"Applications\" ADD COLUMN \"ViewedAt\" TEXT NULL;",
            "UPDATE \"Applications\" SET \"StageChangedAt\" = \"CreatedAt\";",
            "CREATE INDEX \"IX_Applications_PostingId_Stage\" ON \"Applications\" (\"PostingId\", \"Stage\");",
            """
            CREATE TABLE "ApplicationStageChanges" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ApplicationStageChanges" PRIMARY KEY AUTOINCREMENT,
                "ApplicationId" INTEGER NOT NULL,
                "FromStage" INTEGER NULL,
                "ToStage" INTEGER NOT NULL,
                "At" TEXT NOT NULL,
                "ByUserId" INTEGER NULL,
                "CityCode" TEXT NOT NULL,
                "Note" TEXT NULL,
                "SkippedInterview" INTEGER NOT NULL,
                "InterviewAt" TEXT NULL,
                "InterviewPlace" TEXT NULL,
                "InterviewLink" TEXT NULL,
                "InterviewMessage" TEXT NULL,
                CONSTRAINT "FK_ApplicationStageChanges_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_ApplicationStageChanges_ApplicationId_Id\" ON \"ApplicationStageChanges\" (\"ApplicationId\", \"Id\");",
            "CREATE INDEX \"IX_ApplicationStageChanges_CityCode_At\" ON \"ApplicationStageChanges\" (\"CityCode\", \"At\");",
            """
            INSERT INTO "ApplicationStageChanges" ("ApplicationId", "FromStage", "ToStage", "At", "ByUserId", "CityCode", "SkippedInterview")
            SELECT a."Id", NULL, 0, a."CreatedAt", r."OwnerUserId", p."CityCode", 0
            FROM "Applications" a
            JOIN "Postings" p ON p."Id" = a."PostingId"
            JOIN "Resumes" r ON r."Id" = a."ResumeId"
            ORDER BY a."Id";
            """,
        ],
        // 10: holds keep an open posting off the public site until its employer is verified or its text is reviewed.
        [10] =
        [
            "ALTER TABLE \"Postings\" ADD COLUMN \"Holds\" INTEGER NOT NULL DEFAULT 0;",
        ],
        // 11: data rights: account deletion with a cooling-off, erased tombstones, résumés hidden by the platform (deletion,
        // retention) with the owner's visibility kept, retention notices.
        [11] =
        [
            "ALTER TABLE \"Users\" ADD COLUMN \"DeletionRequestedAt\" TEXT NULL;",
            "ALTER TABLE \"Users\" ADD COLUMN \"DeletionDueAt\" TEXT NULL;",
            "ALTER TABLE \"Users\" ADD COLUMN \"ErasedAt\" TEXT NULL;",
            "CREATE INDEX \"IX_Users_DeletionDueAt\" ON \"Users\" (\"DeletionDueAt\");",
            "ALTER TABLE \"Resumes\" ADD COLUMN \"HiddenReason\" INTEGER NOT NULL DEFAULT 0;",
            "ALTER TABLE \"Resumes\" ADD COLUMN \"VisibilityBeforeHiding\" INTEGER NULL;",
            "ALTER TABLE \"Resumes\" ADD COLUMN \"RetentionNoticeAt\" TEXT NULL;",
            "CREATE INDEX \"IX_Resumes_UpdatedAt\" ON \"Resumes\" (\"UpdatedAt\");",
        ],
        // 12: compliance findings that hold a posting for review, and the reviewers' decisions.
        [12] =
        [
            """
            CREATE TABLE "ComplianceFindings" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ComplianceFindings" PRIMARY KEY AUTOINCREMENT,
                "PostingId" INTEGER NOT NULL,
                "Rule" TEXT NOT NULL,
                "Field" TEXT NOT NULL,
                "Words" TEXT NOT NULL,
                "FoundAt" TEXT NOT NULL,
                CONSTRAINT "FK_ComplianceFindings_Postings_PostingId" FOREIGN KEY ("PostingId") REFERENCES "Postings" ("Id") ON DELETE CASCADE
            );
            """,
            "CREATE INDEX \"IX_ComplianceFindings_PostingId\" ON \"ComplianceFindings\" (\"PostingId\");",
            """
            CREATE TABLE "ComplianceReviews" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ComplianceReviews" PRIMARY KEY AUTOINCREMENT,
                "PostingId" INTEGER NOT NULL,
                "Decision" INTEGER NOT NULL,
                "ReviewerUserId" INTEGER NULL,
                "DecidedAt" TEXT NOT NULL,
                "Reason" TEXT NULL,
                "Findings" TEXT NOT NULL,
                CONSTRAINT "FK_ComplianceReviews_Postings_PostingId" FOREIGN KEY ("PostingId") REFERENCES "Postings" ("Id") ON DELETE CASCADE
            );
            """,
            "CREATE INDEX \"IX_ComplianceReviews_PostingId_Id\" ON \"ComplianceReviews\" (\"PostingId\", \"Id\");",
        ],
        // 13: employer verification: a status on each employer and the history of submissions and decisions.
        [13] =
        [
            "ALTER TABLE \"Employers\" ADD COLUMN \"Verification\" INTEGER NOT NULL DEFAULT 0;",
            """
            CREATE TABLE "VerificationSubmissions" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_VerificationSubmissions" PRIMARY KEY AUTOINCREMENT,
                "EmployerId" INTEGER NOT NULL,
                "Source" INTEGER NOT NULL,
                "CreditCode" TEXT NULL,
                "LegalName" TEXT NOT NULL,
                "CityCode" TEXT NOT NULL,
                "LicenceFile" TEXT NULL,
                "LicenceContentType" TEXT NULL,
                "LicenceBytes" INTEGER NULL,
                "LicenceOriginalName" TEXT NULL,
                "SubmittedBy" INTEGER NULL,
                "SubmittedAt" TEXT NOT NULL,
                "Status" INTEGER NOT NULL,
                "DecidedBy" INTEGER NULL,
                "DecidedAt" TEXT NULL,
                "Reason" TEXT NULL,
                CONSTRAINT "FK_VerificationSubmissions_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT
            );
            """,
            "CREATE INDEX \"IX_VerificationSubmissions_EmployerId_Id\" ON \"VerificationSubmissions\" (\"EmployerId\", \"Id\");",
            "CREATE INDEX \"IX_VerificationSubmissions_Status_CityCode_Id\" ON \"VerificationSubmissions\" (\"Status\", \"CityCode\", \"Id\");",
            // Every employer of an upgraded site stays as it was, i.e. verified: turning them all unverified would hold every
            // live posting and hide contact data from employers graduates already applied to, overnight. Those with postings
            // from a city feed are recorded as vouched for by the feed (as a new import does); the rest as verified by this
            // upgrade, so reviewers can tell them from employers a person checked. Dated at the employer's creation (plain SQL
            // has no injected clock; the record says the state they had since then).
            "UPDATE \"Employers\" SET \"Verification\" = 2;",
            """
            INSERT INTO "VerificationSubmissions" ("EmployerId", "Source", "CreditCode", "LegalName", "CityCode", "SubmittedAt", "Status", "DecidedAt", "Reason")
            SELECT e."Id",
                   CASE WHEN EXISTS (SELECT 1 FROM "PostingSources" s JOIN "Postings" p ON p."Id" = s."PostingId" WHERE p."EmployerId" = e."Id") THEN 2 ELSE 3 END,
                   e."CreditCode", e."Name", e."CityCode", e."CreatedAt", 1, e."CreatedAt",
                   CASE WHEN EXISTS (SELECT 1 FROM "PostingSources" s JOIN "Postings" p ON p."Id" = s."PostingId" WHERE p."EmployerId" = e."Id")
                        THEN '城市数据源导入的企业，视为该市已认证' ELSE '认证功能上线前已存在的企业，升级时保持可用' END
            FROM "Employers" e ORDER BY e."Id";
            """,
        ],
        // 14: who saw a graduate's contact data, and employers flagged for revealing too much of it in a day. The same step
        // encrypts the contact columns stored in plain text before (EncryptContactColumnsAsync, in this step's transaction).
        [14] =
        [
            """
            CREATE TABLE "ContactViews" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactViews" PRIMARY KEY AUTOINCREMENT,
                "ResumeId" INTEGER NOT NULL,
                "OwnerUserId" INTEGER NOT NULL,
                "ViewerUserId" INTEGER NULL,
                "EmployerId" INTEGER NULL,
                "Field" TEXT NOT NULL,
                "Where" TEXT NOT NULL,
                "At" TEXT NOT NULL
            );
            """,
            "CREATE INDEX \"IX_ContactViews_EmployerId_At\" ON \"ContactViews\" (\"EmployerId\", \"At\");",
            "CREATE INDEX \"IX_ContactViews_OwnerUserId_Id\" ON \"ContactViews\" (\"OwnerUserId\", \"Id\");",
            "CREATE INDEX \"IX_ContactViews_ResumeId\" ON \"ContactViews\" (\"ResumeId\");",
            """
            CREATE TABLE "ContactRevealFlags" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactRevealFlags" PRIMARY KEY AUTOINCREMENT,
                "EmployerId" INTEGER NOT NULL,
                "Day" TEXT NOT NULL,
                "FlaggedAt" TEXT NOT NULL,
                "Revealed" INTEGER NOT NULL,
                "Limit" INTEGER NOT NULL,
                "ClearedAt" TEXT NULL,
                "ClearedByUserId" INTEGER NULL,
                "ClearNote" TEXT NULL
            );
            """,
            "CREATE UNIQUE INDEX \"IX_ContactRevealFlags_EmployerId\" ON \"ContactRevealFlags\" (\"EmployerId\") WHERE ClearedAt IS NULL;",
            "CREATE INDEX \"IX_ContactRevealFlags_FlaggedAt\" ON \"ContactRevealFlags\" (\"FlaggedAt\");",
        ],
        // 15: the statistics snapshot (aggregates per month and quarter) and which periods it has written.
        [15] =
        [
            """
            CREATE TABLE "StatCells" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_StatCells" PRIMARY KEY AUTOINCREMENT,
                "Period" TEXT NOT NULL,
                "Metric" TEXT NOT NULL,
                "Scope" TEXT NOT NULL,
                "Target" TEXT NOT NULL,
                "Function" TEXT NOT NULL,
                "Industry" TEXT NOT NULL,
                "Education" INTEGER NOT NULL,
                "PostingType" INTEGER NOT NULL,
                "Bucket" INTEGER NOT NULL,
                "Value" REAL NOT NULL,
                "Seekers" INTEGER NOT NULL
            );
            """,
            "CREATE INDEX \"IX_StatCells_Period_Metric_Scope\" ON \"StatCells\" (\"Period\", \"Metric\", \"Scope\");",
            """
            CREATE TABLE "StatPeriodRuns" (
                "Period" TEXT NOT NULL CONSTRAINT "PK_StatPeriodRuns" PRIMARY KEY,
                "Start" TEXT NOT NULL,
                "End" TEXT NOT NULL,
                "ComputedAt" TEXT NOT NULL,
                "Final" INTEGER NOT NULL,
                "Cells" INTEGER NOT NULL
            );
            """,
        ],
    };
}
