pub fn render_guide() {}
pub struct GuideCredential;
pub struct GuideLevel;
pub struct GuideModel;
pub struct GuidePayTier;
pub struct GuideRequirement;
