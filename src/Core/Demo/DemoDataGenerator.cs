using System.Globalization;
using System.Text;
using Bogus;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;

namespace Jobs.Core.Demo;

/// <summary>A generated company with the account that manages it; link <see cref="User.EmployerId"/> once the company has an id.</summary>
public sealed record DemoEmployer(Employer Employer, User Account);

/// <summary>A generated graduate; set <see cref="Resume.OwnerUserId"/> once the account has an id.</summary>
public sealed record DemoGraduate(User Account, Resume Resume);

/// <summary>
/// Realistic demo data for the Nanjing metropolitan circle and southern Shandong: companies with valid credit codes,
/// graduates with valid ID numbers, and job postings across the region's industries, about a tenth of them written
/// in Traditional characters.
/// </summary>
/// <remarks>
/// Deterministic: the same seed and anchor time give the same data. Each Create method draws from its own random
/// stream, so creating graduates does not shift the postings and calling a method twice repeats its output.
/// Entities come without ids. Not thread-safe: use one instance from one thread at a time.
/// </remarks>
public sealed class DemoDataGenerator : IDisposable
{
    public const string EmailDomain = "demo.jobs";

    private const int OrganiserStream = 1;
    private const int EmployerStream = 2;
    private const int GraduateStream = 3;
    private const int PostingStream = 4;

    /// <summary>How far from its own city an employer still posts: neighbouring member cities, not the far end of the region.</summary>
    internal const double NearbyKm = 150;

    /// <summary>Share of an employer's postings in its own city.</summary>
    internal const double OwnCityShare = 0.92;

    private readonly City[] _cities;
    private readonly DemoCityProfile[] _profiles;
    private readonly Dictionary<string, int> _cityIndex;
    private readonly Weighted<int> _cityByEmployerWeight;
    private readonly Weighted<int>?[] _nearbyCities;
    private readonly DemoJobTitle[][] _blueTitles;
    private readonly DemoJobTitle[][] _officeTitles;
    private readonly string[] _categoryNames;
    private readonly DemoCategory[] _categoryData;
    private readonly Dictionary<string, int> _categoryIndex;
    private readonly DemoFamilyText[] _familyText;
    private readonly DemoFieldProfile[] _fieldProfiles;
    private readonly Weighted<(string Surname, string Pinyin)> _surnames;
    private readonly Weighted<string> _mailDomains;
    private readonly TraditionalChineseConverter _traditional = new();
    private readonly CityDirectory _directory;
    private readonly StringBuilder _text = new(1024);

    public DemoDataGenerator(CityDirectory cities, int seed, DateTime anchorUtc)
    {
        ArgumentNullException.ThrowIfNull(cities);
        _directory = cities;
        Seed = seed;
        AnchorUtc = anchorUtc.Kind switch
        {
            DateTimeKind.Utc => anchorUtc,
            DateTimeKind.Local => anchorUtc.ToUniversalTime(),
            _ => DateTime.SpecifyKind(anchorUtc, DateTimeKind.Utc),
        };

        _cities = cities.Cities.ToArray();
        _profiles = _cities.Select(DemoCityProfiles.For).ToArray();
        _cityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _cities.Length; i++)
        {
            _cityIndex[_cities[i].Code] = i;
        }

        _cityByEmployerWeight = new Weighted<int>(Enumerable.Range(0, _cities.Length).Select(i => (i, (double)_profiles[i].EmployerWeight)));

        // PostingCategories.All is the source of truth; a category the catalog lacks borrows the 其他 titles.
        var fallback = DemoCatalog.Categories.Single(c => c.Name == "其他");
        _categoryNames = PostingCategories.All.ToArray();
        _categoryData = _categoryNames.Select(n => DemoCatalog.Categories.FirstOrDefault(c => c.Name == n) ?? fallback).ToArray();
        _categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _categoryNames.Length; i++)
        {
            _categoryIndex[_categoryNames[i]] = i;
        }

        _familyText = new DemoFamilyText[Enum.GetValues<JobFamily>().Length];
        foreach (var f in DemoCatalog.Families)
        {
            _familyText[(int)f.Family] = f;
        }

        _blueTitles = _categoryData.Select(c => c.Titles.Where(t => _familyText[(int)t.Family].Blue).ToArray()).ToArray();
        _officeTitles = _categoryData.Select(c => c.Titles.Where(t => !_familyText[(int)t.Family].Blue).ToArray()).ToArray();

        // An employer posting outside its own city does so in a member city within commuting or branch distance, not
        // across the region.
        _nearbyCities = new Weighted<int>?[_cities.Length];
        for (var i = 0; i < _cities.Length; i++)
        {
            var home = _cities[i];
            var near = Enumerable.Range(0, _cities.Length)
                .Where(j => j != i && home.DistanceKmTo(_cities[j]) <= NearbyKm)
                .Select(j => (j, (double)_profiles[j].EmployerWeight))
                .ToArray();
            _nearbyCities[i] = near.Length > 0 ? new Weighted<int>(near) : null;
        }

        _fieldProfiles = new DemoFieldProfile[Enum.GetValues<StudyField>().Length];
        foreach (var f in DemoCatalog.Fields)
        {
            _fieldProfiles[(int)f.Field] = f;
        }

        _surnames = new Weighted<(string, string)>(DemoCatalog.Surnames.Select(s => ((s.Surname, s.Pinyin), (double)s.Weight)));
        _mailDomains = new Weighted<string>(DemoCatalog.MailDomains.Select(d => (d.Domain, (double)d.Weight)));
    }

    public int Seed { get; }

    public DateTime AnchorUtc { get; }

    /// <summary>Stored on every generated account; the seeder hashes the demo password once and puts it here.</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>Share of postings written in Traditional characters.</summary>
    public double TraditionalShare { get; init; } = 0.10;

    /// <summary>False when ICU cannot be loaded: postings meant to be Traditional then stay Simplified.</summary>
    public bool CanWriteTraditional => _traditional.IsAvailable;

    public void Dispose() => _traditional.Dispose();

    /// <summary>One organiser per member city: organiser.{cityCode}@demo.jobs.</summary>
    public IReadOnlyList<User> CreateOrganisers()
    {
        var r = NewRandomizer(OrganiserStream);
        return _cities.Select(c => new User
        {
            Email = $"organiser.{c.Code.ToLowerInvariant()}@{EmailDomain}",
            PasswordHash = PasswordHash,
            Role = Role.Organiser,
            DisplayName = $"{c.FullName}就业服务中心",
            CityCode = c.Code,
            CreatedAt = AnchorUtc.AddDays(-r.Number(365, 500)).AddSeconds(-r.Number(0, 86_399)),
        }).ToArray();
    }

    /// <summary>Companies spread over the member cities by size and local industry, each with an account employer{n}@demo.jobs.</summary>
    public IReadOnlyList<DemoEmployer> CreateEmployers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var r = NewRandomizer(EmployerStream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var creditCodes = new HashSet<string>(StringComparer.Ordinal);
        var industryByCity = new Weighted<int>?[_cities.Length];
        var sizes = new Weighted<int>(DemoCatalog.CompanySizes.Select((s, i) => (i, (double)s.Weight)));
        var result = new List<DemoEmployer>(count);

        for (var n = 1; n <= count; n++)
        {
            var cityIdx = _cityByEmployerWeight.Pick(r);
            var city = _cities[cityIdx];
            var profile = _profiles[cityIdx];
            var categoryIdx = (industryByCity[cityIdx] ??= IndustryWeights(profile)).Pick(r);
            var size = DemoCatalog.CompanySizes[sizes.Pick(r)];

            var name = CompanyName(r, city, categoryIdx, size.MinStaff);
            for (var attempt = 0; attempt < 20 && !names.Add(name); attempt++)
            {
                name = CompanyName(r, city, categoryIdx, size.MinStaff);
            }

            string code;
            do
            {
                code = CreditCode.Create(profile.AreaCode, k => r.Number(0, k - 1));
            }
            while (!creditCodes.Add(code));

            var createdAt = AnchorUtc.AddDays(-r.Number(61, 720)).AddSeconds(-r.Number(0, 86_399));
            var employer = new Employer
            {
                Name = name,
                CreditCode = code,
                CityCode = city.Code,
                Industry = _categoryNames[categoryIdx],
                Size = size.Label,
                Description = CompanyDescription(r, city, categoryIdx, name, size.MinStaff, size.MaxStaff),
                CreatedAt = createdAt,
                Verification = VerificationStatus.Verified,
            };

            var contact = NextPerson(r, male: r.Bool(0.4f));
            var account = new User
            {
                Email = $"employer{n}@{EmailDomain}",
                PasswordHash = PasswordHash,
                Role = Role.Employer,
                DisplayName = contact.Name,
                CreatedAt = createdAt.AddMinutes(r.Number(1, 600)),
            };
            result.Add(new DemoEmployer(employer, account));
        }

        return result;
    }

    /// <summary>Graduates graduate{n}@demo.jobs with a résumé each, streamed.</summary>
    public IEnumerable<DemoGraduate> CreateGraduates(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Iterate();

        IEnumerable<DemoGraduate> Iterate()
        {
            var r = NewRandomizer(GraduateStream);
            var majorsBySchool = new Dictionary<(string, MajorTrack), DemoMajor[]>();
            for (var n = 1; n <= count; n++)
            {
                yield return NextGraduate(r, n, majorsBySchool);
            }
        }
    }

    /// <summary>
    /// Postings by the given employers, streamed in constant memory so a million can be generated. Larger employers
    /// post more; most postings are in the employer's city and industry. Employers need ids for
    /// <see cref="Posting.EmployerId"/> but the content depends only on their order, city, industry and size.
    /// </summary>
    public IEnumerable<Posting> CreatePostings(IReadOnlyList<Employer> employers, int count)
    {
        ArgumentNullException.ThrowIfNull(employers);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0 && employers.Count == 0)
        {
            throw new ArgumentException("Postings need at least one employer.", nameof(employers));
        }

        return Iterate();

        IEnumerable<Posting> Iterate()
        {
            var r = NewRandomizer(PostingStream);
            var byEmployer = new Weighted<int>(Enumerable.Range(0, employers.Count).Select(i => (i, PostingWeight(employers[i]) * r.Double(0.5, 1.5))));
            var categories = new Weighted<int>(Enumerable.Range(0, _categoryNames.Length).Select(i => (i, (double)_categoryData[i].EmployerWeight)));
            for (var i = 0; i < count; i++)
            {
                yield return NextPosting(r, employers[byEmployer.Pick(r)], categories);
            }
        }
    }

    private Randomizer NewRandomizer(int stream)
    {
        // Bogus is asked for a zh_CN Faker with its own Randomizer so nothing touches Bogus's global seed; every
        // random choice below goes through this Randomizer.
        var faker = new Faker("zh_CN") { Random = new Randomizer(StreamSeed(Seed, stream)) };
        return faker.Random;
    }

    // SplitMix64 finaliser: nearby seeds and stream numbers give unrelated streams. HashCode.Combine would not do,
    // it is randomised per process.
    private static int StreamSeed(int seed, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + ((ulong)stream * 0xD1B54A32D192ED03UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFF_FFFF);
        }
    }

    // ---- Companies ----

    private Weighted<int> IndustryWeights(DemoCityProfile profile) =>
        new(Enumerable.Range(0, _categoryNames.Length).Select(i =>
        {
            var boost = 1.0;
            foreach (var (category, factor) in profile.IndustryBoosts)
            {
                if (category == _categoryNames[i])
                {
                    boost = factor;
                }
            }

            return (i, _categoryData[i].EmployerWeight * boost);
        }));

    private string CompanyName(Randomizer r, City city, int categoryIdx, int minStaff)
    {
        var trade = TradeName(r);
        var word = Pick(r, _categoryData[categoryIdx].CompanyWords);
        var roll = r.Number(0, 99);
        var suffix = roll switch
        {
            < 5 when minStaff >= 1000 => "集团有限公司",
            < 20 when minStaff >= 100 => "股份有限公司",
            _ => "有限公司",
        };

        var form = r.Number(0, 99);
        if (form < 20)
        {
            var province = city.Province.Replace("省", "", StringComparison.Ordinal).Replace("市", "", StringComparison.Ordinal);
            return $"{province}{trade}{word}{suffix}";
        }

        // Branches of companies from elsewhere register as 字号+行业（城市）有限公司.
        return form < 28 && suffix == "有限公司"
            ? $"{trade}{word}（{city.Name}）{suffix}"
            : $"{city.Name}{trade}{word}{suffix}";
    }

    private static string TradeName(Randomizer r)
    {
        string first, second;
        do
        {
            first = Pick(r, DemoCatalog.TradeNameFirst);
            second = Pick(r, DemoCatalog.TradeNameSecond);
        }
        while (first == second);

        return first + second;
    }

    private string CompanyDescription(Randomizer r, City city, int categoryIdx, string name, int minStaff, int maxStaff)
    {
        var district = city.Districts.Count > 0 ? city.Districts[r.Number(0, city.Districts.Count - 1)].Name : "";
        var year = r.Number(1995, Math.Max(1996, AnchorUtc.Year - 1));
        var staff = r.Number(minStaff, maxStaff);
        var staffText = staff switch
        {
            < 20 => $"现有员工{staff}人",
            < 100 => $"现有员工{staff / 10 * 10}余人",
            < 1000 => $"现有员工{staff / 50 * 50}余人",
            _ => $"现有员工{staff / 500 * 500}余人",
        };

        var business = Pick(r, _categoryData[categoryIdx].Business);
        var ownership = Pick(r, DemoCatalog.Ownerships);
        var extra = Pick(r, DemoCatalog.CompanyExtras);
        return $"{name}成立于{year}年，位于{city.FullName}{district}，是一家专注于{business}的{ownership}。公司{staffText}，{extra}。";
    }

    // ---- People ----

    private readonly record struct Person(string Name, string SurnamePinyin, string GivenPinyin, string Initials, bool Male);

    private Person NextPerson(Randomizer r, bool male)
    {
        var (surname, surnamePinyin) = _surnames.Pick(r);
        string given, givenPinyin, initials;
        if (r.Bool(0.15f))
        {
            var (c, p) = Pick(r, male ? DemoCatalog.MaleSingle : DemoCatalog.FemaleSingle);
            given = c;
            givenPinyin = p;
            initials = p[..1];
        }
        else
        {
            var (c1, p1) = Pick(r, male ? DemoCatalog.MaleFirst : DemoCatalog.FemaleFirst);
            var (c2, p2) = Pick(r, male ? DemoCatalog.MaleSecond : DemoCatalog.FemaleSecond);
            if (c1 == c2)
            {
                (c2, p2) = Pick(r, male ? DemoCatalog.MaleSecond : DemoCatalog.FemaleSecond);
            }

            given = c1 + c2;
            givenPinyin = p1 + p2;
            initials = string.Concat(p1.AsSpan(0, 1), p2.AsSpan(0, 1));
        }

        return new Person(surname + given, surnamePinyin, givenPinyin, surnamePinyin[..1] + initials, male);
    }

    private static string MobilePhone(Randomizer r) =>
        Pick(r, DemoCatalog.MobilePrefixes) + r.Number(0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture);

    private string PersonalEmail(Randomizer r, Person p, int birthYear)
    {
        var style = r.Number(0, 99);
        if (style < 20)
        {
            // A bare QQ number is still the most common personal address.
            return $"{r.Long(100_000_000L, 3_999_999_999L).ToString(CultureInfo.InvariantCulture)}@qq.com";
        }

        var local = style switch
        {
            < 45 => $"{p.SurnamePinyin}{p.GivenPinyin}{birthYear.ToString(CultureInfo.InvariantCulture)}",
            < 65 => $"{p.SurnamePinyin}{p.GivenPinyin}{r.Number(1, 999).ToString(CultureInfo.InvariantCulture)}",
            < 80 => $"{p.Initials}{r.Number(1000, 9999).ToString(CultureInfo.InvariantCulture)}",
            < 90 => $"{p.SurnamePinyin}_{p.GivenPinyin}",
            _ => $"{p.GivenPinyin}{p.SurnamePinyin}{(birthYear % 100).ToString("D2", CultureInfo.InvariantCulture)}",
        };
        return $"{local}@{_mailDomains.Pick(r)}";
    }

    // ---- Graduates ----

    private DemoGraduate NextGraduate(Randomizer r, int n, Dictionary<(string, MajorTrack), DemoMajor[]> majorsBySchool)
    {
        var school = Pick(r, DemoCatalog.Schools);
        var degree = school.Kind switch
        {
            SchoolKind.Research => PickWeighted(r, (EducationLevel.Bachelor, 55), (EducationLevel.Master, 40), (EducationLevel.Doctorate, 5)),
            SchoolKind.University => PickWeighted(r, (EducationLevel.Bachelor, 84), (EducationLevel.Master, 16)),
            SchoolKind.VocationalUniversity => PickWeighted(r, (EducationLevel.Bachelor, 50), (EducationLevel.Associate, 50)),
            _ => EducationLevel.Associate,
        };
        var track = degree == EducationLevel.Associate ? MajorTrack.Vocational : MajorTrack.Academic;
        if (!majorsBySchool.TryGetValue((school.Name, track), out var majors))
        {
            majors = DemoCatalog.Majors.Where(m => school.Fields.Contains(m.Field) && (m.Track == track || m.Track == MajorTrack.Both)).ToArray();
            if (majors.Length == 0)
            {
                majors = DemoCatalog.Majors.Where(m => school.Fields.Contains(m.Field)).ToArray();
            }

            majorsBySchool[(school.Name, track)] = majors;
        }

        var major = Pick(r, majors);
        var field = _fieldProfiles[(int)major.Field];
        var gradYear = PickWeighted(r, (2024, 15), (2025, 30), (2026, 35), (2027, 20));
        var age = degree switch
        {
            EducationLevel.Associate => 21,
            EducationLevel.Master => 25,
            EducationLevel.Doctorate => 28,
            _ => 22,
        };
        var birthYear = Math.Clamp(gradYear - age + r.Number(-1, 1), 2000, 2004);
        var birthDate = new DateOnly(birthYear, 1, 1).AddDays(r.Number(0, DateTime.IsLeapYear(birthYear) ? 365 : 364));

        var male = major.Field switch
        {
            StudyField.Nursing => r.Bool(0.1f),
            StudyField.Education or StudyField.Language => r.Bool(0.3f),
            StudyField.Computing or StudyField.Mechanical or StudyField.Vehicle or StudyField.Electronics or StudyField.Civil => r.Bool(0.7f),
            _ => r.Bool(0.5f),
        };
        var person = NextPerson(r, male);

        var near = school.NearCities.Where(_cityIndex.ContainsKey).ToArray();
        var homeIdx = near.Length > 0 && r.Bool(0.65f) ? _cityIndex[Pick(r, near)] : _cityByEmployerWeight.Pick(r);
        var county = Pick(r, _profiles[homeIdx].CountyCodes);
        var sequence = Math.Max(1, r.Number(0, 499) * 2 + (male ? 1 : 0));
        var idNumber = ResidentIdNumber.Create(county, birthDate, sequence);

        var preferred = PreferredCities(r, near);
        var firstCity = _cities[_cityIndex[preferred[0]]];
        var skills = GraduateSkills(r, major);

        int? expectedMin = null, expectedMax = null;
        if (!r.Bool(0.12f))
        {
            var basePay = degree switch
            {
                EducationLevel.Associate => 5000,
                EducationLevel.Master => 10000,
                EducationLevel.Doctorate => 15000,
                _ => 7000,
            };
            var min = Round500(basePay * field.SalaryFactor * _profiles[_cityIndex[firstCity.Code]].SalaryFactor * r.Double(0.85, 1.15));
            expectedMin = min;
            expectedMax = min + Math.Max(500, Round500(min * r.Double(0.2, 0.6)));
        }

        var experiences = Internships(r, field, major, gradYear, preferred);
        var graduated = gradYear < AnchorUtc.Year || (gradYear == AnchorUtc.Year && AnchorUtc.Month >= 7);
        var intro = SelfIntroduction(r, school, major, field, degree, gradYear, graduated, skills, firstCity);

        var createdAt = AnchorUtc.AddDays(-r.Number(1, 180)).AddSeconds(-r.Number(0, 86_399));
        var resumeCreated = Min(createdAt.AddSeconds(r.Number(60, 172_800)), AnchorUtc);
        var resumeUpdated = resumeCreated.AddSeconds(r.Double() * (AnchorUtc - resumeCreated).TotalSeconds * (r.Bool(0.6f) ? 1 : 0));

        var account = new User
        {
            Email = $"graduate{n}@{EmailDomain}",
            PasswordHash = PasswordHash,
            Role = Role.Graduate,
            DisplayName = person.Name,
            CreatedAt = createdAt,
        };
        var resume = new Resume
        {
            FullName = person.Name,
            School = school.Name,
            Major = major.Name,
            Degree = degree,
            GraduationYear = gradYear,
            Skills = skills,
            DesiredTitles = DesiredTitles(field, n),
            PreferredCities = preferred,
            ExpectedSalaryMin = expectedMin,
            ExpectedSalaryMax = expectedMax,
            Experiences = experiences,
            SelfIntroduction = intro,
            Visibility = PickWeighted(r, (ResumeVisibility.Public, 55), (ResumeVisibility.EmployersOnly, 35), (ResumeVisibility.Hidden, 10)),
            ContactVisibleToEmployers = r.Bool(0.3f),
            Contact = new ContactDetails
            {
                Phone = MobilePhone(r),
                Email = PersonalEmail(r, person, birthYear),
                IdNumber = idNumber,
            },
            CreatedAt = resumeCreated,
            UpdatedAt = resumeUpdated,
        };
        return new DemoGraduate(account, resume);
    }

    /// <summary>
    /// What the graduate is after, from the field's internship titles without the 实习 marker (实习护士 → 护士). Chosen by the
    /// graduate's number rather than the randomizer so adding this field left every other generated value unchanged.
    /// </summary>
    private static List<string> DesiredTitles(DemoFieldProfile field, int n)
    {
        var titles = new List<string>();
        for (var i = 0; i < Math.Min(2, field.InternTitles.Length); i++)
        {
            var title = field.InternTitles[(n + i) % field.InternTitles.Length]
                .Replace("（实习）", "", StringComparison.Ordinal).Replace("实习生", "", StringComparison.Ordinal)
                .Replace("实习", "", StringComparison.Ordinal).Trim();
            if (title.Length >= 2 && !titles.Contains(title))
            {
                titles.Add(title);
            }
        }

        return titles;
    }

    private List<string> PreferredCities(Randomizer r, string[] near)
    {
        var count = PickWeighted(r, (1, 40), (2, 35), (3, 25));
        var result = new List<string>(count);
        var first = near.Length > 0 && r.Bool(0.7f) ? near[0]
            : near.Length > 0 && r.Bool(0.6f) ? Pick(r, near)
            : _cities[_cityByEmployerWeight.Pick(r)].Code;
        result.Add(first);
        var region = _cities[_cityIndex[first]].RegionCode;
        for (var attempt = 0; result.Count < count && attempt < 20; attempt++)
        {
            // Mostly the school's neighbourhood, otherwise anywhere in the same region, big cities more often.
            var candidate = near.Length > 0 && r.Bool(0.6f) ? Pick(r, near) : _cities[_cityByEmployerWeight.Pick(r)].Code;
            if (!result.Contains(candidate) && _cities[_cityIndex[candidate]].RegionCode == region)
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    private static List<string> GraduateSkills(Randomizer r, DemoMajor major)
    {
        var take = Math.Min(major.Skills.Length, r.Number(3, 6));
        var skills = new List<string>(take + 2);
        foreach (var i in SampleIndices(r, major.Skills.Length, take))
        {
            skills.Add(major.Skills[i]);
        }

        for (var extra = r.Number(0, 2); extra > 0; extra--)
        {
            var s = Pick(r, DemoCatalog.GeneralSkills);
            if (!skills.Contains(s))
            {
                skills.Add(s);
            }
        }

        return skills;
    }

    private List<WorkExperience> Internships(Randomizer r, DemoFieldProfile field, DemoMajor major, int gradYear, List<string> preferred)
    {
        var list = new List<WorkExperience>(2);
        var wanted = PickWeighted(r, (0, 35), (1, 45), (2, 20));
        var anchorMonth = (AnchorUtc.Year * 12) + AnchorUtc.Month - 1;
        var cursor = ((gradYear - 2) * 12) + 6; // July two years before graduating: the first summer worth listing.
        var last = Math.Min((gradYear * 12) + 5, anchorMonth);
        for (var k = 0; k < wanted && cursor < last; k++)
        {
            var start = r.Number(cursor, last - 1);
            var end = start + r.Number(2, 6);
            var city = _cities[_cityIndex[preferred[r.Number(0, preferred.Count - 1)]]];
            list.Add(new WorkExperience
            {
                Organisation = InternshipPlace(r, field, city),
                Title = Pick(r, field.InternTitles),
                Start = YearMonth(start),
                End = end > anchorMonth ? null : YearMonth(end),
                Description = Pick(r, field.InternDescriptions).Replace("{n}", Pick(r, RoundCounts), StringComparison.Ordinal),
            });
            cursor = end + 1;
        }

        return list;
    }

    // 修复缺陷{n}余个 only reads naturally with a round number.
    private static readonly string[] RoundCounts = ["10", "20", "30", "40", "50"];

    private static readonly string[] ChineseOrdinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private string InternshipPlace(Randomizer r, DemoFieldProfile field, City city)
    {
        if (field.InternPlaces.Length > 0 && r.Bool(0.8f))
        {
            return Pick(r, field.InternPlaces) switch
            {
                "医院" => Pick(r, DemoCatalog.Hospitals),
                "学校" => r.Bool(0.5f) ? $"{city.FullName}第{Pick(r, ChineseOrdinals)}中学" : $"{city.FullName}实验小学",
                _ => $"{city.Name}{TradeName(r)}大药房连锁有限公司",
            };
        }

        var category = Pick(r, field.Categories);
        var idx = _categoryIndex.TryGetValue(category, out var i) ? i : r.Number(0, _categoryNames.Length - 1);
        return CompanyName(r, city, idx, minStaff: 100);
    }

    private static string YearMonth(int monthIndex) =>
        $"{(monthIndex / 12).ToString("D4", CultureInfo.InvariantCulture)}-{((monthIndex % 12) + 1).ToString("D2", CultureInfo.InvariantCulture)}";

    private static string SelfIntroduction(Randomizer r, DemoSchool school, DemoMajor major, DemoFieldProfile field, EducationLevel degree,
        int gradYear, bool graduated, List<string> skills, City city)
    {
        var sb = new StringBuilder(200);
        var label = degree.Label();
        if (r.Bool())
        {
            sb.Append($"我是{school.Name}{major.Name}专业{gradYear}届{label}毕业生。");
        }
        else if (graduated)
        {
            sb.Append($"本人{gradYear}年毕业于{school.Name}，{label}学历，所学专业为{major.Name}。");
        }
        else
        {
            sb.Append($"本人就读于{school.Name}{major.Name}专业，将于{gradYear}年{label}毕业。");
        }

        var skill = skills.Count > 0 ? skills[0] : major.Skills[0];
        var skill2 = skills.Count > 1 ? skills[1] : major.Skills[^1];
        sb.Append(Pick(r, field.IntroSentences).Replace("{skill}", skill, StringComparison.Ordinal).Replace("{skill2}", skill2, StringComparison.Ordinal));
        foreach (var i in SampleIndices(r, DemoCatalog.GeneralIntroSentences.Length, r.Number(1, 2)))
        {
            sb.Append(DemoCatalog.GeneralIntroSentences[i]);
        }

        sb.Append(Pick(r, DemoCatalog.IntroClosings).Replace("{city}", city.Name, StringComparison.Ordinal)
            .Replace("{direction}", major.Direction, StringComparison.Ordinal));
        return sb.ToString();
    }

    // ---- Postings ----

    private static double PostingWeight(Employer employer)
    {
        foreach (var s in DemoCatalog.CompanySizes)
        {
            if (s.Label == employer.Size)
            {
                return s.PostingWeight;
            }
        }

        return 3;
    }

    private Posting NextPosting(Randomizer r, Employer employer, Weighted<int> categories)
    {
        int cityIdx;
        if (_cityIndex.TryGetValue(employer.CityCode, out var ec))
        {
            var elsewhere = !r.Bool((float)OwnCityShare) ? _nearbyCities[ec] : null;
            cityIdx = elsewhere?.Pick(r) ?? ec;
        }
        else
        {
            cityIdx = _cityByEmployerWeight.Pick(r);
        }

        var city = _cities[cityIdx];
        var profile = _profiles[cityIdx];
        var categoryIdx = employer.Industry is { } industry && _categoryIndex.TryGetValue(industry, out var ic) && r.Bool(0.85f)
            ? ic
            : categories.Pick(r);
        var job = PickTitle(r, categoryIdx, profile.BlueShare);
        var family = _familyText[(int)job.Family];
        var traditional = r.Double() < TraditionalShare;

        var education = AdjustEducation(r, job.Education, family.Blue);
        var experience = AdjustExperience(r, job.Experience, family.Blue);

        int? salaryMin = null, salaryMax = null;
        var months = 12;
        var negotiable = r.Bool(0.08f);
        if (!negotiable)
        {
            // Factory and service pay differs less between cities than office pay: workers move to where it is higher.
            var cityFactor = family.Blue ? 1 - ((1 - profile.SalaryFactor) * 0.5) : profile.SalaryFactor;
            var factor = cityFactor * (family.Blue ? 1.0 : ExperiencePay(experience)) * r.Double(0.9, 1.1);
            var min = Math.Max(2500, Round500(job.SalaryMin * factor));
            var max = Math.Max(min + 500, Round500(job.SalaryMax * factor * r.Double(0.95, 1.1)));
            salaryMin = Math.Min(min, PostingRules.MaxMonthlySalary);
            salaryMax = Math.Min(max, PostingRules.MaxMonthlySalary);
            months = family.Blue
                ? PickWeighted(r, (12, 70), (13, 30))
                : PickWeighted(r, (12, 35), (13, 35), (14, 17), (15, 8), (16, 5));
        }

        var headcount = HeadcountFor(r, job, family);
        var skillCount = job.Skills.Length == 0 ? 0 : Math.Min(job.Skills.Length, r.Number(family.Blue ? 1 : 3, 6));
        var skills = new List<string>(skillCount);
        if (skillCount > 0)
        {
            // The first skill of a title is its core one (Java for Java开发工程师); the rest vary.
            skills.Add(job.Skills[0]);
            foreach (var i in SampleIndices(r, job.Skills.Length - 1, skillCount - 1))
            {
                skills.Add(job.Skills[i + 1]);
            }
        }

        var district = city.Districts.Count > 0 ? city.Districts[r.Number(0, city.Districts.Count - 1)].Name : null;

        var postedAt = AnchorUtc.AddSeconds(-r.Number(0, (60 * 86_400) - 1));
        var expiresAt = postedAt.AddDays(r.Number(30, 90));
        var visibleUntil = Min(AnchorUtc, expiresAt);
        var status = PostingStatus.Open;
        DateTime? closedAt = null;
        var updatedAt = postedAt;
        if (r.Bool(0.05f))
        {
            status = PostingStatus.Closed;
            closedAt = postedAt.AddSeconds(r.Double() * (visibleUntil - postedAt).TotalSeconds);
            updatedAt = closedAt.Value;
        }
        else if (r.Bool(0.3f))
        {
            updatedAt = postedAt.AddSeconds(r.Double() * (visibleUntil - postedAt).TotalSeconds);
        }

        // The job-model fields draw from their own stream so the rest of the demo data stays as it was.
        var extra = new Random(unchecked((int)((employer.Id * 7919) + (postedAt.Ticks / TimeSpan.TicksPerSecond % 1_000_003))));
        if (family.Blue && education is EducationLevel.SecondaryVocational or EducationLevel.HighSchool or EducationLevel.Any && extra.Next(100) < 35)
        {
            education = EducationLevel.JuniorHigh;
        }

        var title = traditional ? _traditional.Convert(job.Title) : job.Title;
        var description = Description(r, job, family, education, experience, skills, salaryMin, salaryMax, months, headcount, city, district, traditional);

        var type = PostingType.FullTime;
        int? cohort = null;
        var roll = extra.Next(100);
        if (family.Blue && roll < 8)
        {
            type = PostingType.PartTime;
        }
        else if (!family.Blue && experience == ExperienceLevel.FreshGraduate && roll < 45)
        {
            type = PostingType.Campus;
            cohort = FreshCohort;
        }
        else if (!family.Blue && experience is ExperienceLevel.Any or ExperienceLevel.FreshGraduate && roll < 55)
        {
            type = PostingType.Internship;
            cohort = extra.Next(2) == 0 ? null : AnchorUtc.Year + 1;
        }

        // Shop floors often publish hourly or daily pay; the monthly figures stay what filters and ranking use.
        var basis = Jobs.Core.Imports.Feeds.SalaryBasis.Monthly;
        double? postedMin = salaryMin, postedMax = salaryMax;
        if (family.Blue && salaryMin is { } sMin && salaryMax is { } sMax && (type == PostingType.PartTime || extra.Next(100) < 20))
        {
            var hourly = type == PostingType.PartTime || extra.Next(2) == 0;
            basis = hourly ? Jobs.Core.Imports.Feeds.SalaryBasis.Hourly : Jobs.Core.Imports.Feeds.SalaryBasis.Daily;
            var per = hourly ? Jobs.Core.Imports.Feeds.SalaryText.WorkingHoursPerMonth : Jobs.Core.Imports.Feeds.SalaryText.WorkingDaysPerMonth;
            postedMin = Math.Round((double)(sMin / per));
            postedMax = Math.Max(postedMin.Value, Math.Round((double)(sMax / per)));
            salaryMin = Jobs.Core.Imports.Feeds.SalaryText.MonthlyOf((decimal)postedMin.Value, basis, months);
            salaryMax = Jobs.Core.Imports.Feeds.SalaryText.MonthlyOf((decimal)postedMax.Value, basis, months);
            months = 12;
        }

        // Demo data goes through the same check as the API and feeds; a rejection is a bug in the generator, not bad input.
        var problems = new List<string>();
        var fields = PostingValues.Check(new PostingInput
        {
            Title = title,
            Description = description,
            City = city.Code,
            District = district,
            Category = _categoryNames[categoryIdx],
            SalaryMin = postedMin is { } pMin ? (decimal)pMin : null,
            SalaryMax = postedMax is { } pMax ? (decimal)pMax : null,
            SalaryMonths = months,
            Negotiable = negotiable,
            SalaryBasis = basis.Label(),
            Education = education.Label(),
            Experience = experience.Label(),
            Headcount = headcount,
            Skills = skills,
            ExpiresAt = expiresAt,
            Type = type.Label(),
            Cohort = cohort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, new PostingCheckContext(_directory, AnchorUtc) { PostedAt = postedAt }, (field, reason) => problems.Add($"{field}: {reason}"), static (_, _) => { })
            ?? throw new InvalidOperationException($"Demo posting “{title}” breaks the posting rules: {string.Join("; ", problems)}");

        var posting = fields.ToPosting();
        posting.EmployerId = employer.Id;
        posting.PostedAt = postedAt;
        posting.UpdatedAt = updatedAt;
        posting.Status = status;
        posting.ClosedAt = closedAt;
        return posting;
    }

    private DemoJobTitle PickTitle(Randomizer r, int categoryIdx, double? blueShare)
    {
        var blue = _blueTitles[categoryIdx];
        var office = _officeTitles[categoryIdx];
        if (blueShare is not { } share || blue.Length == 0 || office.Length == 0)
        {
            return Pick(r, _categoryData[categoryIdx].Titles);
        }

        return Pick(r, r.Double() < share ? blue : office);
    }

    private static EducationLevel AdjustEducation(Randomizer r, EducationLevel typical, bool blue)
    {
        if (blue)
        {
            return r.Bool(0.3f) ? EducationLevel.Any : typical;
        }

        if (!r.Bool(0.2f))
        {
            return typical;
        }

        return typical switch
        {
            EducationLevel.Bachelor => r.Bool(0.7f) ? EducationLevel.Associate : EducationLevel.Master,
            EducationLevel.Associate => r.Bool(0.6f) ? EducationLevel.Bachelor : EducationLevel.SecondaryVocational,
            EducationLevel.Master => EducationLevel.Bachelor,
            EducationLevel.SecondaryVocational or EducationLevel.HighSchool => r.Bool() ? EducationLevel.Any : EducationLevel.Associate,
            _ => typical,
        };
    }

    private static ExperienceLevel AdjustExperience(Randomizer r, ExperienceLevel typical, bool blue)
    {
        if (blue)
        {
            return r.Bool(0.6f) ? ExperienceLevel.Any : typical;
        }

        // A graduate platform: a good share of entry-level adverts are aimed at 应届生.
        var roll = r.Number(0, 99);
        return typical switch
        {
            <= ExperienceLevel.OneToThreeYears when roll < 25 => ExperienceLevel.FreshGraduate,
            <= ExperienceLevel.OneToThreeYears when roll < 35 => ExperienceLevel.Any,
            <= ExperienceLevel.OneToThreeYears when roll < 45 => ExperienceLevel.UnderOneYear,
            ExperienceLevel.ThreeToFiveYears when roll < 20 => ExperienceLevel.OneToThreeYears,
            ExperienceLevel.FiveToTenYears when roll < 20 => ExperienceLevel.ThreeToFiveYears,
            _ => typical,
        };
    }

    private static double ExperiencePay(ExperienceLevel level) => level switch
    {
        ExperienceLevel.FreshGraduate => 0.8,
        ExperienceLevel.UnderOneYear => 0.85,
        ExperienceLevel.ThreeToFiveYears => 1.3,
        ExperienceLevel.FiveToTenYears => 1.6,
        ExperienceLevel.OverTenYears => 1.9,
        _ => 1.0,
    };

    private static int HeadcountFor(Randomizer r, DemoJobTitle job, DemoFamilyText family)
    {
        if (family.Blue)
        {
            return r.Number(Math.Max(2, job.HeadcountMax / 5), job.HeadcountMax);
        }

        var n = PickWeighted(r, (1, 45), (2, 25), (3, 15), (5, 10), (10, 5));
        return Math.Min(n, job.HeadcountMax);
    }

    private static readonly string[] SkillPhrases = ["熟悉{0}", "熟练掌握{0}", "熟练使用{0}", "掌握{0}，有实际应用经验者优先"];
    private static readonly string[] CertificatePhrases = ["持有{0}", "持有{0}者优先"];

    private string Description(Randomizer r, DemoJobTitle job, DemoFamilyText family, EducationLevel education, ExperienceLevel experience,
        List<string> skills, int? salaryMin, int? salaryMax, int months, int headcount, City city, string? district, bool traditional)
    {
        var sb = _text.Clear();
        void Line(string text)
        {
            if (text.Length > 0)
            {
                sb.Append(traditional ? _traditional.Convert(text) : text).Append('\n');
            }
        }

        var opening = Pick(r, DemoCatalog.Openings);
        Line(opening.Replace("{title}", job.Title, StringComparison.Ordinal)
            .Replace("{n}", headcount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Line(Pick(r, DemoCatalog.DutyHeaders));
        var duties = SampleIndices(r, family.Duties.Length, Math.Min(family.Duties.Length, r.Number(3, 5)));
        for (var i = 0; i < duties.Length; i++)
        {
            Line(Numbered(i + 1, family.Duties[duties[i]], i == duties.Length - 1));
        }

        var requirements = new List<string>(6) { EducationAndExperience(education, experience, family) };
        var certificates = skills.Where(IsCertificate).ToArray();
        var knowHow = skills.Where(s => !IsCertificate(s)).ToArray();
        if (knowHow.Length > 0)
        {
            requirements.Add(string.Format(CultureInfo.InvariantCulture, Pick(r, SkillPhrases), string.Join("、", knowHow)));
        }

        if (certificates.Length > 0)
        {
            requirements.Add(string.Format(CultureInfo.InvariantCulture, Pick(r, CertificatePhrases), string.Join("、", certificates)));
        }

        foreach (var i in SampleIndices(r, family.Requirements.Length, Math.Min(family.Requirements.Length, r.Number(1, 2))))
        {
            requirements.Add(family.Requirements[i]);
        }

        if (!family.Blue && r.Bool(0.6f))
        {
            requirements.Add(Pick(r, DemoCatalog.GenericRequirements));
        }

        Line(Pick(r, DemoCatalog.RequirementHeaders));
        for (var i = 0; i < requirements.Count; i++)
        {
            Line(Numbered(i + 1, requirements[i], i == requirements.Count - 1));
        }

        var benefitPool = family.Blue ? DemoCatalog.BlueCollarBenefits : DemoCatalog.OfficeBenefits;
        var benefits = SampleIndices(r, benefitPool.Length, r.Number(3, 6)).ToList();
        var insurance = Array.IndexOf(benefitPool, "五险一金");
        if (!benefits.Contains(insurance) && r.Bool(0.85f))
        {
            // Social insurance is in nearly every real advert; leaving it out is the exception.
            benefits.Add(insurance);
        }

        benefits.Sort(); // The pools list 五险一金 and 双休 first, the order recruiters write them in.
        Line("福利待遇：" + string.Join("、", benefits.Select(i => benefitPool[i])) + "。");

        if (salaryMin is { } min && salaryMax is { } max)
        {
            if (r.Bool(0.4f))
            {
                var monthsText = months > 12 ? $"，{months}薪" : "";
                Line($"薪资待遇：{min}-{max}元/月{monthsText}。");
            }
        }
        else
        {
            Line("薪资面议，具体根据个人能力确定。");
        }

        var hours = Pick(r, family.Blue ? DemoCatalog.BlueCollarHours : DemoCatalog.OfficeHours);
        // Shop-floor adverts always state the shift pattern (两班倒, 长白班): it is what applicants compare first.
        var hoursShown = r.Bool(0.5f) || family.Blue;
        if (hoursShown)
        {
            Line(hours);
        }

        Line($"工作地点：{city.FullName}{district}");
        var closing = Pick(r, DemoCatalog.Closings);
        if (closing.Length == 0 && sb.Length < MinDescriptionLength)
        {
            closing = DemoCatalog.Closings[0];
        }

        Line(closing);
        if (sb.Length < MinDescriptionLength && !hoursShown)
        {
            Line(hours);
        }

        if (sb.Length > 0 && sb[^1] == '\n')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    private const int MinDescriptionLength = 150;

    private static string Numbered(int n, string sentence, bool last) =>
        $"{n}. {sentence}{(last ? "。" : "；")}";

    private int FreshCohort => AnchorUtc.Month >= 9 ? AnchorUtc.Year + 1 : AnchorUtc.Year;

    private static string ShortLabel(EducationLevel education) => education switch
    {
        EducationLevel.JuniorHigh => "初中",
        EducationLevel.SecondaryVocational => "中专",
        _ => education.Label(),
    };

    private string EducationAndExperience(EducationLevel education, ExperienceLevel experience, DemoFamilyText family)
    {
        var edu = education == EducationLevel.Any
            ? "学历不限"
            : family.MajorHint.Length > 0 && education.Rank() >= EducationLevel.Associate.Rank()
                ? $"{education.Label()}及以上学历，{family.MajorHint}相关专业"
                : $"{ShortLabel(education)}及以上学历";
        var exp = experience switch
        {
            ExperienceLevel.FreshGraduate => $"{FreshCohort}届应届毕业生",
            ExperienceLevel.UnderOneYear => "有相关实习或工作经验者优先",
            ExperienceLevel.OneToThreeYears => "1年以上相关工作经验",
            ExperienceLevel.ThreeToFiveYears => "3年以上相关工作经验",
            ExperienceLevel.FiveToTenYears => "5年以上相关工作经验，有团队管理经验者优先",
            ExperienceLevel.OverTenYears => "10年以上相关工作经验",
            _ => "经验不限",
        };
        return $"{edu}，{exp}";
    }

    private static bool IsCertificate(string skill) =>
        skill.EndsWith('证') || skill.EndsWith("资格", StringComparison.Ordinal) || skill.EndsWith("职称", StringComparison.Ordinal)
        || skill.EndsWith("证书", StringComparison.Ordinal) || skill.StartsWith("驾照", StringComparison.Ordinal)
        || skill.EndsWith("驾照", StringComparison.Ordinal) || skill is "CPA" or "AFP" or "CATTI" or "执业药师" or "注册安全工程师";

    // ---- Random helpers ----

    private static T Pick<T>(Randomizer r, T[] items) => items[r.Number(0, items.Length - 1)];

    private static T PickWeighted<T>(Randomizer r, params ReadOnlySpan<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, w) in items)
        {
            total += w;
        }

        var x = r.Number(0, total - 1);
        foreach (var (item, w) in items)
        {
            if (x < w)
            {
                return item;
            }

            x -= w;
        }

        return items[^1].Item;
    }

    /// <summary><paramref name="k"/> distinct indices below <paramref name="n"/>, in random order.</summary>
    private static int[] SampleIndices(Randomizer r, int n, int k)
    {
        k = Math.Clamp(k, 0, n);
        var pool = new int[n];
        for (var i = 0; i < n; i++)
        {
            pool[i] = i;
        }

        for (var i = 0; i < k; i++)
        {
            var j = r.Number(i, n - 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return k == n ? pool : pool[..k];
    }

    private static int Round500(double value) => (int)Math.Max(500, Math.Round(value / 500.0, MidpointRounding.AwayFromZero) * 500);

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    /// <summary>Picks items in proportion to their weights with one random number and a binary search.</summary>
    private sealed class Weighted<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Weighted(IEnumerable<(T Item, double Weight)> items)
        {
            var list = items.Where(i => i.Weight > 0).ToArray();
            if (list.Length == 0)
            {
                throw new ArgumentException("At least one item needs a positive weight.", nameof(items));
            }

            _items = list.Select(i => i.Item).ToArray();
            _cumulative = new double[list.Length];
            var sum = 0.0;
            for (var i = 0; i < list.Length; i++)
            {
                sum += list[i].Weight;
                _cumulative[i] = sum;
            }
        }

        public T Pick(Randomizer r)
        {
            var x = r.Double() * _cumulative[^1];
            int lo = 0, hi = _cumulative.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_cumulative[mid] > x)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return _items[lo];
        }
    }
}
