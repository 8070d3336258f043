# 网站框架：页眉、导航、页脚与切换。
skip-to-content = 跳到正文
menu = 菜单
nav-main = 主导航
nav-sigs = 兴趣小组
nav-roadmap = 路线图
nav-meetings = 会议
nav-join = 加入
nav-channels = 交流频道
nav-guidance = 运作方式
nav-admin = 管理
nav-my-sigs = 我的小组
sign-in = 登录
sign-out = 退出
footer-nav = 页脚导航
footer-powered = { $site } 社区门户 · 由 sigpost 提供支持
footer-all-sigs = 全部兴趣小组
footer-roadmap = 社区路线图
footer-meetings = 会议日历
footer-channels = 交流频道
footer-guidance = SIG 如何运作
theme = 主题
theme-system = 跟随系统
theme-light = 浅色
theme-dark = 深色
language-switch = 用{ $language }阅读本页

# 主要页面的标题。
home-title = 特别兴趣小组
home-description = 社区的特别兴趣小组（SIG）：由谁负责、在哪里交流、计划做什么，以及如何加入。
home-eyebrow = { $site } 社区
home-heading = 找到与你关心的方向相同的小组
home-lead = 我们的大部分工作都在特别兴趣小组（SIG）中进行。每个 SIG 负责项目的一部分，公开开会，并维护三个月的路线图。认识负责人，加入频道，挑一件事开始做吧。
home-browse = 浏览兴趣小组
home-how = SIG 如何运作
home-loading = 正在加载社区信息…
directory-title = 兴趣小组目录
directory-description = 社区的全部特别兴趣小组：各自做什么、由谁负责、在哪里交流。
directory-heading = 特别兴趣小组
directory-lead = 每个 SIG 负责项目的一部分。按主题、技术或负责人查找。
loading-sigs = 正在加载兴趣小组…
roadmap-title = 社区路线图
meetings-title = 会议
channels-title = 交流频道
guidance-title = SIG 如何运作

# 表单。
field-optional = （选填）
error-not-found = 找不到该页面。
error-invalid = 请修改下面标出的字段。
error-conflict = 在你打开之后，有人修改了这一项。未保存任何内容：请与下面的当前内容对照。
error-unauthorized = 请先登录。
error-forbidden = 你无权执行此操作。
error-too-many = 来自你的地址的尝试次数过多。请在 { $seconds } 秒后重试。
error-internal = 我们这边出了点问题。请稍后重试。
error-unavailable = 暂时无法使用。请稍后重试。
error-request = 无法处理该请求：{ $reason }
check-length = 最多 { $max } 个字符。
check-name = 请填写要在个人资料中显示的名字。
check-email-empty = 请填写电子邮箱地址。
check-email = 请填写有效的电子邮箱地址，例如 name@example.org。
check-github = 只需填写 GitHub 登录名，例如 octocat。

# 加入小组。
join-title = 加入兴趣小组
join-description = 选择你想参与的特别兴趣小组，一分钟即可加入。
join-lead = 选择你想参与的小组，告诉我们你是谁，然后在邮箱中确认。随时一键退出。
join-check-inbox = 请查收邮件：我们发送了一个确认链接。邮件可能需要一分钟才能送达，链接 48 小时内有效。
join-step-sigs = 1. 选择一个或多个兴趣小组
join-step-you = 2. 关于你
join-signed-in-as = 你已以 { $name } 的身份登录：将使用你的账户加入，无需邮件确认。
join-name = 你的名字
join-email = 电子邮箱
join-email-hint = 我们会发送确认链接。邮箱不会在网站上显示。
join-github = GitHub 用户名
join-interest = 你想做些什么？（选填）
join-interest-hint = 小组负责人会阅读这段话，帮你找到第一件任务。
join-honeypot = 请勿填写此字段
join-submit = 加入
join-no-description = 暂无简介。
join-no-leads = 暂无负责人
join-leads = 负责人：{ $names }
join-next-meeting = 下次会议：
join-approval = 需负责人批准
join-pick-one = 请至少选择一个兴趣小组。
join-pick-at-most = 一次最多选择 { $max } 个兴趣小组。

# 电子邮件（使用发出请求时的语言）。
mail-hello = { $name }，你好：
mail-confirm-subject = 确认你在 { $site } 的电子邮箱地址
mail-confirm-body = 请确认你的电子邮箱地址，以完成 { $site } 账户的创建：
mail-confirm-expiry = 链接只能使用一次，48 小时内有效。如果你没有注册，请忽略这封邮件。
mail-join-subject = 加入 { $site } 的 { $sigs }
mail-join-confirm = 请确认你想加入 { $sigs }：
mail-join-expiry = 链接只能使用一次，48 小时内有效。如果你没有申请加入，请忽略这封邮件。
mail-join-receipt = 你申请加入 { $sigs }。目前的进展：
mail-next-steps = 下一步：
mail-leave-intro = 如需退出，请打开对应小组的链接（无需登录）：
