using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Jobs.Core.Employers;
using Jobs.Core.Imports;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Privacy;
using Jobs.Core.Storage;
using Jobs.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobs.Web.Admin;

/// <summary>One group of settings on the admin page: an options class as bound, and rows worked out from the running services.</summary>
public sealed record SettingsGroup(int Order, string Title, string Section, Type OptionsType, Func<IServiceProvider, IEnumerable<SettingRow>>? Derived = null);

public sealed record SettingRow(string Key, string Value, bool Hidden = false);

/// <summary>
/// The platform's settings for the admin page, read from the bound options classes (never from raw configuration, which
/// also holds whatever else an operator put there). A value whose name says it is a secret (a key, a password, a token, a
/// connection string) is shown only as set or not set; an address keeps neither its user part nor its query.
/// </summary>
public static partial class PlatformSettings
{
    public const string HiddenText = "已设置（不显示）";
    public const string UnsetText = "未设置";

    private const int MaxDepth = 4;

    /// <summary>The groups this project can name itself; the host adds its own (background jobs, rate limits) with <see cref="AddPlatformSettings{T}"/>.</summary>
    private static readonly SettingsGroup[] BuiltIn =
    [
        new(10, "存储", StorageOptions.Section, typeof(StorageOptions), _ => [new SettingRow("数据库", "SQLite")]),
        new(20, "搜索", SearchOptions.Section, typeof(SearchOptions)),
        new(40, "隐私：联系方式查看", ContactPrivacyOptions.Section, typeof(ContactPrivacyOptions)),
        new(41, "隐私：个人数据权利", DataRightsOptions.Section, typeof(DataRightsOptions)),
        new(60, "企业认证", VerificationOptions.Section, typeof(VerificationOptions)),
        new(70, "职位合规规则", ComplianceOptions.Section, typeof(ComplianceOptions), ComplianceModes),
        new(80, "数据导入", ImportOptions.Section, typeof(ImportOptions)),
        new(82, "招聘会", Jobs.Core.Fairs.FairOptions.Section, typeof(Jobs.Core.Fairs.FairOptions)),
        new(84, "供求统计", Jobs.Core.Statistics.StatisticsOptions.Section, typeof(Jobs.Core.Statistics.StatisticsOptions)),
        new(90, "登录与令牌", Jobs.Core.Accounts.AuthOptions.Section, typeof(Jobs.Core.Accounts.AuthOptions)),
        new(95, "网站", WebOptions.Section, typeof(WebOptions)),
    ];

    public static IServiceCollection AddPlatformSettings<TOptions>(this IServiceCollection services, int order, string title, string section,
        Func<IServiceProvider, IEnumerable<SettingRow>>? derived = null)
        where TOptions : class =>
        services.AddSingleton(new SettingsGroup(order, title, section, typeof(TOptions), derived));

    public static IReadOnlyList<(SettingsGroup Group, IReadOnlyList<SettingRow> Rows)> Read(IServiceProvider services) =>
        BuiltIn.Concat(services.GetServices<SettingsGroup>())
            .OrderBy(g => g.Order)
            .Select(g => (g, (IReadOnlyList<SettingRow>)[.. g.Derived?.Invoke(services) ?? [], .. Rows(Value(services, g.OptionsType), g.OptionsType, "", 0)]))
            .ToList();

    /// <summary>Whether a setting's name says it holds a secret: a key, a password, a secret, a token, a connection string.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    private static object? Value(IServiceProvider services, Type optionsType) =>
        services.GetService(typeof(IOptions<>).MakeGenericType(optionsType)) is { } options
            ? options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)
            : null;

    private static IEnumerable<SettingRow> Rows(object? value, Type type, string prefix, int depth)
    {
        if (value is null)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Configuration binds settable properties; the others are worked out from them and say nothing new.
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            foreach (var row in Describe(key, property.GetValue(value), property.PropertyType, depth))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<SettingRow> Describe(string key, object? value, Type type, int depth)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        if (IsSecretName(name))
        {
            return [new SettingRow(key, value is null || value is string { Length: 0 } ? UnsetText : HiddenText, Hidden: true)];
        }

        switch (value)
        {
            case null:
                return [new SettingRow(key, UnsetText)];
            case string text:
                return [Text(key, text)];
            case bool flag:
                return [new SettingRow(key, flag ? "是" : "否")];
            case Enum or TimeSpan or DateTime or DateOnly or TimeOnly:
                return [new SettingRow(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")];
            case IFormattable number when type.IsPrimitive || value is decimal:
                return [new SettingRow(key, number.ToString(null, CultureInfo.InvariantCulture))];
            case IDictionary map:
                return map.Count == 0
                    ? [new SettingRow(key, "（无）")]
                    : map.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal)
                        .SelectMany(k => Describe($"{key}:{k}", map[k], map[k]?.GetType() ?? typeof(object), depth + 1)).ToList();
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                return items.Count == 0
                    ? [new SettingRow(key, "（无）")]
                    : items.SelectMany((item, i) => Describe($"{key}:{i}", item, item?.GetType() ?? typeof(object), depth + 1)).ToList();
            default:
                // Our own nested settings (a rate-limit rule, an import source) open up; anything else is shown as text.
                return depth < MaxDepth && type.Namespace?.StartsWith("Jobs.", StringComparison.Ordinal) == true
                    ? Rows(value, value.GetType(), key, depth + 1).ToList()
                    : [Text(key, value.ToString() ?? "")];
        }
    }

    /// <summary>Text as set, except what could carry a credential: an address's user part and query, or a connection-string password.</summary>
    private static SettingRow Text(string key, string text)
    {
        if (PasswordPair().IsMatch(text))
        {
            return new SettingRow(key, HiddenText, Hidden: true);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "redis" or "ftp"
            && (uri.UserInfo.Length > 0 || uri.Query.Length > 0))
        {
            return new SettingRow(key, $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}（用户信息和查询参数不显示）", Hidden: true);
        }

        return new SettingRow(key, text);
    }

    private static IEnumerable<SettingRow> ComplianceModes(IServiceProvider services)
    {
        var policy = services.GetRequiredService<CompliancePolicy>();
        return ComplianceRules.All.Select(r => new SettingRow($"生效：{r.Name}（{r.Code}）", OutcomeText(policy.OutcomeOf(r.Code))));
    }

    private static string OutcomeText(ComplianceOutcome outcome) => outcome switch
    {
        ComplianceOutcome.Reject => "拒绝发布",
        ComplianceOutcome.Hold => "暂停待审核",
        _ => "发布并提示",
    };

    [GeneratedRegex("(Key|Password|Secret|Token|ConnectionString|Credentials?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(password|pwd)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPair();
}
