using Microsoft.AspNetCore.Identity;

namespace LocalGovBlog.Web.Accounts;

/// <summary>
/// Refuses passwords that appear in breach lists or that contain the user name: length without
/// composition rules is what OWASP ASVS asks, and a long common password is still common.
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "password1234", "password12345", "password123456", "passwordpassword", "password1234!", "Password123!",
        "qwertyuiop12", "qwertyuiopasdf", "qwertyuiopasdfgh", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "abcdefghijkl", "abcd1234abcd", "letmein12345", "iloveyou1234", "welcome12345", "trustno1trustno1",
        "changeme1234", "administrator", "administrator1", "adminadmin123", "football1234", "baseball1234",
        "sunshine1234", "princess1234", "superman1234", "monkey123456", "dragon123456", "starwars1234",
        "localgovblog", "localgovblog1", "localgovernment", "councilcouncil", "correcthorsebatterystaple",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (Common.Contains(password) || password.Distinct().Count() <= 2)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "That password is one of the most common and easily guessed; choose another.",
            }));
        }
        return ValidateAgainstUserNameAsync(manager, user, password);
    }

    private static async Task<IdentityResult> ValidateAgainstUserNameAsync(UserManager<TUser> manager, TUser user, string password)
    {
        var userName = await manager.GetUserNameAsync(user);
        return userName is { Length: >= 4 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "The password must not contain your user name." })
            : IdentityResult.Success;
    }
}
