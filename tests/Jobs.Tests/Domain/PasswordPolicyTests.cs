using Jobs.Core.Accounts;

namespace Jobs.Tests.Domain;

public class PasswordPolicyTests
{
    [Fact]
    public void CommonList_Embedded_HasAtLeastTenThousandEntries()
    {
        Assert.True(PasswordPolicy.CommonPasswordCount >= 10_000, $"{PasswordPolicy.CommonPasswordCount} entries");
    }

    [Theory]
    [InlineData("Password123456")]
    [InlineData("QWERTYUIOP")]
    [InlineData("woaini1314")]
    [InlineData("Zhang123456")]
    [InlineData("1qaz2wsx3edc")]
    public void IsCommon_ListedPasswordInAnyCase_True(string password)
    {
        Assert.True(PasswordPolicy.IsCommon(password));
    }

    [Theory]
    [InlineData("Lamp-Harbor-2026", "grad@test.jobs", null)]
    [InlineData("长江后浪推前浪2026", "grad@test.jobs", null)]
    [InlineData("Short-1", "grad@test.jobs", "密码长度应为 10 到 128 个字符")]
    [InlineData("Sunflower-Li-2026", "li@test.jobs", null)]
    [InlineData("My-Chenxiao-2026", "ChenXiao@test.jobs", "密码不能包含邮箱或邮箱用户名")]
    [InlineData("chenxiao@test.jobs", "chenxiao@test.jobs", "密码不能包含邮箱或邮箱用户名")]
    [InlineData("password123456", "grad@test.jobs", "该密码过于常见，容易被猜中，请换一个")]
    public void Check_Password_AcceptsOrNamesTheReason(string password, string email, string? reason)
    {
        Assert.Equal(reason, PasswordPolicy.Check(password, email));
    }

    [Fact]
    public void Check_LongerThan128_Refused()
    {
        Assert.NotNull(PasswordPolicy.Check(new string('x', 100) + "-Harbor-Lamp-2026-" + new string('y', 20), null));
        Assert.Null(PasswordPolicy.Check(new string('x', 100) + "-Harbor-Lamp-2026", null));
    }
}
