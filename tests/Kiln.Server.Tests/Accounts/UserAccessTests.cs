using Kiln.Server.Accounts;
using Kiln.Server.Projects;

namespace Kiln.Server.Tests.Accounts;

public class UserAccessTests
{
    static readonly UserAccess Bob = new("bob", isAdmin: false, new Dictionary<string, ProjectRole> { ["viewed"] = ProjectRole.Viewer, ["edited"] = ProjectRole.Editor, ["owned"] = ProjectRole.Owner });
    static readonly UserAccess Admin = new("root", isAdmin: true, new Dictionary<string, ProjectRole>());

    static Dictionary<string, string> Tags(string? owner, string? project = null)
    {
        var tags = new Dictionary<string, string>();
        if (owner is not null) tags[PlatformAccess.OwnerTag] = owner;
        if (project is not null) tags[PlatformAccess.ProjectTag] = project;
        return tags;
    }

    [Theory]
    [InlineData("bob", null, true, true)]
    [InlineData("ada", null, false, false)]
    [InlineData("ada", "viewed", true, false)]
    [InlineData("ada", "edited", true, true)]
    [InlineData("ada", "owned", true, true)]
    [InlineData("ada", "elsewhere", false, false)]
    [InlineData("bob", "elsewhere", true, true)]
    public void A_member_sees_and_changes_by_owner_and_project_role(string owner, string? project, bool sees, bool changes)
    {
        Assert.Equal(sees, Bob.CanSee(owner, project));
        Assert.Equal(changes, Bob.CanChange(owner, project));
        Assert.Equal(sees, Bob.CanSee(Tags(owner, project)));
        Assert.Equal(changes, Bob.CanChange(Tags(owner, project)));
    }

    [Fact]
    public void What_has_no_owner_is_seen_by_everyone_and_changed_by_admins_alone()
    {
        Assert.True(Bob.CanSee(Tags(null)));
        Assert.False(Bob.CanChange(Tags(null)));
        Assert.True(Admin.CanChange(Tags(null)));
    }

    [Fact]
    public void An_admin_sees_and_changes_everything_and_may_add_to_any_project()
    {
        Assert.True(Admin.CanSee("ada", "elsewhere"));
        Assert.True(Admin.CanChange(Tags("ada", "elsewhere")));
        Assert.True(Admin.MayAddTo("elsewhere"));
        Assert.False(Bob.MayAddTo("viewed"));
        Assert.True(Bob.MayAddTo("edited"));
    }
}
