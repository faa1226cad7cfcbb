using MudBlazor;

namespace Kiln.Server.Web.Layout;

/// <summary>The platform's colours: a kiln's warm brick for actions on a plain light page.</summary>
static class KilnTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#b5452b", Secondary = "#5d6d7e", AppbarBackground = "#3b2f2a" },
    };
}
