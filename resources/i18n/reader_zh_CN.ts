<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Highlights are off: no annotation library was opened.</source>
        <translation>高亮功能已关闭：没有打开批注资料库。</translation>
    </message>
    <message>
        <source>&amp;Tags and Note…</source>
        <translation>标签和笔记(&amp;T)…</translation>
    </message>
    <message>
        <source>Edit the tags and note of the highlight at the caret</source>
        <translation>编辑光标所在高亮的标签和笔记</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the highlight (Ctrl+Z brings it back)</source>
        <translation>删除高亮（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;Kept Edit</source>
        <translation>保存保留的编辑(&amp;K)</translation>
    </message>
    <message>
        <source>Save again the last edit the library did not take</source>
        <translation>再次保存资料库未能接受的上一次编辑</translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation>您的名字(&amp;N)…</translation>
    </message>
    <message>
        <source>The name your highlights and notes are signed with in a shared library</source>
        <translation>在共享资料库中，您的高亮和笔记所署的名字</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>撤销 {edit}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>重做 {edit}(&amp;R)</translation>
    </message>
    <message>
        <source>This file is an earlier version of a call in the library: showing the current version, where the highlights are.</source>
        <translation>此文件是资料库中某场电话会的旧版本：显示的是当前版本，高亮都在该版本上。</translation>
    </message>
    <message>
        <source>Corrected version: {n} highlights could not be placed; they are listed as orphaned.</source>
        <translation>修订版本：有 {n} 处高亮无法定位，已列为“未定位”。</translation>
    </message>
    <message>
        <source>Corrected version: 1 highlight could not be placed; it is listed as orphaned.</source>
        <translation>修订版本：有 1 处高亮无法定位，已列为“未定位”。</translation>
    </message>
    <message>
        <source>Highlights unavailable for this transcript: {reason}</source>
        <translation>此文字记录无法使用高亮：{reason}</translation>
    </message>
    <message>
        <source>Your Name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>Your highlights and notes are signed with this name in a shared library (now: {name}). Leave it empty for your system user name.</source>
        <translation>在共享资料库中，您的高亮和笔记以这个名字署名（当前：{name}）。留空则使用系统用户名。</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚不知道</translation>
    </message>
    <message>
        <source>Highlights are off: {reason}</source>
        <translation>高亮功能已关闭：{reason}</translation>
    </message>
    <message>
        <source>Annotation library not available</source>
        <translation>批注资料库不可用</translation>
    </message>
    <message>
        <source>Transcripts still open for reading; highlights are off until the app can use its library.</source>
        <translation>文字记录仍可打开阅读；在应用能够使用资料库之前，高亮功能处于关闭状态。</translation>
    </message>
    <message>
        <source>no annotation library</source>
        <translation>没有批注资料库</translation>
    </message>
    <message>
        <source>This transcript is still being added to the library; try again.</source>
        <translation>此文字记录仍在加入资料库，请稍后再试。</translation>
    </message>
    <message>
        <source>Select some text first, then highlight it.</source>
        <translation>请先选择文字，再进行高亮。</translation>
    </message>
    <message>
        <source>Highlight not saved</source>
        <translation>高亮未保存</translation>
    </message>
    <message>
        <source>The edit is kept: Retry saves it again.</source>
        <translation>修改已保留：点击“重试”可再次保存。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Save Your Kept Edit?</source>
        <translation>保存保留的编辑？</translation>
    </message>
    <message>
        <source>The library&apos;s server is back. Your last edit was not saved; it is kept.</source>
        <translation>资料库的服务器已恢复。您的上一次编辑尚未保存，已为您保留。</translation>
    </message>
    <message>
        <source>Save Now</source>
        <translation>立即保存</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Your edit is kept: Annotate → Save Kept Edit saves it.</source>
        <translation>您的编辑已保留：“批注 → 保存保留的编辑”可保存它。</translation>
    </message>
    <message>
        <source>No kept edit to save.</source>
        <translation>没有保留的编辑需要保存。</translation>
    </message>
    <message>
        <source>Someone else deleted this highlight already.</source>
        <translation>这条高亮已被他人删除。</translation>
    </message>
    <message>
        <source>Someone else deleted this highlight after you opened it, so your edit has nowhere to go.</source>
        <translation>在您打开这条高亮之后，有人删除了它，因此您的编辑无处保存。</translation>
    </message>
    <message>
        <source>What you typed is on the clipboard.</source>
        <translation>您输入的内容已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Kept their version of the highlight.</source>
        <translation>已保留对方版本的高亮。</translation>
    </message>
    <message>
        <source>Your edit is kept: Annotate → Save Kept Edit saves it over theirs.</source>
        <translation>您的编辑已保留：“批注 → 保存保留的编辑”会用它覆盖对方的版本。</translation>
    </message>
    <message>
        <source>Put the caret in a highlight, or select one in the Highlights list.</source>
        <translation>请将光标放在某处高亮中，或在高亮列表中选择一项。</translation>
    </message>
    <message>
        <source>No highlight here to delete.</source>
        <translation>此处没有可删除的高亮。</translation>
    </message>
    <message>
        <source>Highlight deleted (Ctrl+Z brings it back).</source>
        <translation>高亮已删除（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Orphaned highlight: its text is not in this version of the call (shown where it used to be).</source>
        <translation>未定位的高亮：其文字不在本版本的电话会记录中（显示在原来的位置）。</translation>
    </message>
    <message>
        <source>This highlight is hidden by the layout or the speaker filter.</source>
        <translation>此高亮被当前版式或发言人筛选隐藏了。</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Highlight: Tags and Note</source>
        <translation>高亮：标签和笔记</translation>
    </message>
    <message>
        <source>Orphaned (not in the current version): </source>
        <translation>未定位（不在当前版本中）：</translation>
    </message>
    <message>
        <source>guidance, credit-risk</source>
        <translation>业绩指引, 信用风险</translation>
    </message>
    <message>
        <source>Your note on this passage</source>
        <translation>你对这段文字的笔记</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>笔记：</translation>
    </message>
</context>
<context>
    <name>BackLinks</name>
    <message>
        <source>Cannot follow this link: {reason}</source>
        <translation>无法打开此链接：{reason}</translation>
    </message>
    <message>
        <source>Cannot follow this link: the library is not open ({reason})</source>
        <translation>无法打开此链接：资料库未打开（{reason}）</translation>
    </message>
    <message>
        <source>no library</source>
        <translation>没有资料库</translation>
    </message>
    <message>
        <source>The call this link points to (sha256 {sha}…) is not in the library; import its transcript first.</source>
        <translation>此链接指向的电话会议（sha256 {sha}…）不在资料库中；请先导入其文字记录。</translation>
    </message>
    <message>
        <source>{call}: the transcript was corrected since this link was made; opened without the passage.</source>
        <translation>{call}：此链接创建后文字记录已更正；已打开，但未定位到该段落。</translation>
    </message>
</context>
<context>
    <name>Citation</name>
    <message>
        <source>, for {name}</source>
        <translation>，代表{name}</translation>
    </message>
    <message>
        <source>Open in Transcript Reader</source>
        <translation>在 Transcript Reader 中打开</translation>
    </message>
</context>
<context>
    <name>CitationCopier</name>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selection with its speaker, call and a link back to it</source>
        <translation>复制所选内容，并附上发言人、电话会议和返回原文的链接</translation>
    </message>
    <message>
        <source>Select some text first, then copy it with its citation.</source>
        <translation>请先选择文字，再带出处复制。</translation>
    </message>
    <message>
        <source>Copied with its citation (plain text, Markdown and HTML).</source>
        <translation>已带出处复制（纯文本、Markdown 和 HTML）。</translation>
    </message>
</context>
<context>
    <name>ColourNamesDialog</name>
    <message>
        <source>Colour Names</source>
        <translation>颜色名称</translation>
    </message>
    <message>
        <source>What each highlight colour means to you; shown in menus, the list and exported notes.</source>
        <translation>每种高亮颜色对你的含义；会显示在菜单、列表和导出的笔记中。</translation>
    </message>
    <message>
        <source>a name is needed</source>
        <translation>需要一个名称</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Highlight Changed by Someone Else</source>
        <translation>高亮已被他人修改</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>You deleted it.</source>
        <translation>您删除了它。</translation>
    </message>
    <message>
        <source>Your edit was not saved.</source>
        <translation>您的编辑未保存。</translation>
    </message>
    <message>
        <source>{who} saved this highlight after you opened it. {what} Keep yours, or take theirs.</source>
        <translation>{who} 在您打开这条高亮之后保存了它。{what} 请保留您的版本，或采用对方的版本。</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Theirs ({who})</source>
        <translation>对方的版本（{who}）</translation>
    </message>
    <message>
        <source>Delete Anyway</source>
        <translation>仍然删除</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Copy Theirs</source>
        <translation>复制对方的</translation>
    </message>
    <message>
        <source>Copy their note, tags and colour to the clipboard</source>
        <translation>将对方的笔记、标签和颜色复制到剪贴板</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>笔记：</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DiscrepancyPanel</name>
    <message>
        <source>Previous Discrepancy</source>
        <translation>上一处差异</translation>
    </message>
    <message>
        <source>Previous discrepancy (Shift+F8)</source>
        <translation>上一处差异（Shift+F8）</translation>
    </message>
    <message>
        <source>Next Discrepancy</source>
        <translation>下一处差异</translation>
    </message>
    <message>
        <source>Next discrepancy (F8)</source>
        <translation>下一处差异（F8）</translation>
    </message>
    <message>
        <source>No transcript open</source>
        <translation>没有打开的文字记录</translation>
    </message>
    <message>
        <source>Comparing the interpretation with the Mandarin…</source>
        <translation>正在将口译与中文原文对照…</translation>
    </message>
    <message>
        <source>No Mandarin turns with an interpretation to compare</source>
        <translation>没有带口译的中文发言可供对照</translation>
    </message>
    <message>
        <source>{n} interpreted turns</source>
        <translation>{n} 段经口译的发言</translation>
    </message>
    <message>
        <source>{n} interpreted turn</source>
        <translation>{n} 段经口译的发言</translation>
    </message>
    <message>
        <source>No discrepancies in {turns}</source>
        <translation>{turns}中没有差异</translation>
    </message>
    <message>
        <source>{n} to check in {turns}</source>
        <translation>{turns}中有 {n} 处待核对</translation>
    </message>
    <message>
        <source>Comparing the interpretation with the Mandarin… {done}/{total}</source>
        <translation>正在将口译与中文原文对照… {done}/{total}</translation>
    </message>
    <message>
        <source>Could not compare: {reason}</source>
        <translation>无法对照：{reason}</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>{name}: could not be displayed (internal error: {error})</source>
        <translation>{name}：无法显示（内部错误：{error}）</translation>
    </message>
    <message>
        <source>Cannot open transcript</source>
        <translation>无法打开文字记录</translation>
    </message>
    <message>
        <source>Open Transcripts</source>
        <translation>打开文字记录</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近打开的文件(&amp;C)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opening {n} files…</source>
        <translation>正在打开 {n} 个文件…</translation>
    </message>
</context>
<context>
    <name>DocumentWriter</name>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>口译</translation>
    </message>
    <message>
        <source>interpreting</source>
        <translation>口译</translation>
    </message>
    <message>
        <source>interpreted</source>
        <translation>经口译</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript (Simplified and Traditional match)</source>
        <translation>在文字记录中查找（简繁互通）</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 个，共 {total} 个</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一个匹配（Shift+Enter, Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter, F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{total} found</source>
        <translation>找到 {total} 个</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Find bar: next match</source>
        <translation>查找栏：下一个匹配</translation>
    </message>
    <message>
        <source>Find bar: previous match</source>
        <translation>查找栏：上一个匹配</translation>
    </message>
    <message>
        <source>Find bar: close</source>
        <translation>查找栏：关闭</translation>
    </message>
    <message>
        <source>Zoom with the mouse</source>
        <translation>用鼠标缩放</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>Read earnings-call transcripts: Mandarin and its English interpretation side by side.</source>
        <translation>阅读业绩电话会文字记录：中文原文与英文口译并排对照。</translation>
    </message>
</context>
<context>
    <name>HighlightExport</name>
    <message>
        <source>&amp;Export Highlights…</source>
        <translation>导出高亮(&amp;E)…</translation>
    </message>
    <message>
        <source>Save this transcript&apos;s highlights as a Markdown note</source>
        <translation>将本文字记录的高亮保存为 Markdown 笔记</translation>
    </message>
    <message>
        <source>Export &amp;All Highlights…</source>
        <translation>导出全部高亮(&amp;A)…</translation>
    </message>
    <message>
        <source>Save a Markdown note per transcript with highlights</source>
        <translation>为每份有高亮的文字记录各保存一篇 Markdown 笔记</translation>
    </message>
    <message>
        <source>Export Highlights</source>
        <translation>导出高亮</translation>
    </message>
    <message>
        <source>Exported {n} highlights to {target}</source>
        <translation>已将 {n} 处高亮导出到 {target}</translation>
    </message>
    <message>
        <source>Exported 1 highlight to {target}</source>
        <translation>已将 1 处高亮导出到 {target}</translation>
    </message>
    <message>
        <source>Export All Highlights to Folder</source>
        <translation>将全部高亮导出到文件夹</translation>
    </message>
    <message>
        <source>Exported {n} notes to {folder}</source>
        <translation>已将 {n} 篇笔记导出到 {folder}</translation>
    </message>
    <message>
        <source>Exported 1 note to {folder}</source>
        <translation>已将 1 篇笔记导出到 {folder}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>HighlightPalette</name>
    <message>
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <source>Highlight the selection in the last colour used</source>
        <translation>用上次使用的颜色高亮所选文字</translation>
    </message>
    <message>
        <source>Colour {n}</source>
        <translation>颜色 {n}</translation>
    </message>
    <message>
        <source>Colour &amp;Names…</source>
        <translation>颜色名称(&amp;N)…</translation>
    </message>
    <message>
        <source>Name what each highlight colour means</source>
        <translation>为每种高亮颜色命名其含义</translation>
    </message>
    <message>
        <source>Highlight as {colour}</source>
        <translation>高亮为“{colour}”</translation>
    </message>
    <message>
        <source>Highlight as {colour} ({key})</source>
        <translation>高亮为“{colour}”（{key}）</translation>
    </message>
    <message>
        <source>Highlight the selection as {colour} (Ctrl+H)</source>
        <translation>将所选文字高亮为“{colour}”（Ctrl+H）</translation>
    </message>
</context>
<context>
    <name>HighlightsDock</name>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>Filter quotes, notes and tags</source>
        <translation>筛选引文、笔记和标签</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>任意发言人</translation>
    </message>
    <message>
        <source>Any section</source>
        <translation>任意环节</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Whose highlights to list</source>
        <translation>列出谁的高亮</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every highlight</source>
        <translation>显示全部高亮</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Open a transcript to see its highlights, or see every highlight of the library in the Notebook (Ctrl+Shift+B).</source>
        <translation>打开文字记录以查看其高亮，或在笔记本中查看资料库的全部高亮（Ctrl+Shift+B）。</translation>
    </message>
    <message>
        <source>No highlights yet: select text and press Ctrl+H (or Ctrl+1 to Ctrl+4).</source>
        <translation>还没有高亮：选择文字后按 Ctrl+H（或 Ctrl+1 至 Ctrl+4）。</translation>
    </message>
    <message>
        <source>{n} highlights</source>
        <translation>{n} 处高亮</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 处高亮</translation>
    </message>
    <message>
        <source>, {n} shown</source>
        <translation>，显示 {n} 处</translation>
    </message>
    <message>
        <source>; {n} orphaned (their text is not in this version)</source>
        <translation>；{n} 处未定位（其文字不在此版本中）</translation>
    </message>
</context>
<context>
    <name>HighlightsModel</name>
    <message>
        <source>Orphaned: this text is not in the current version of the call.</source>
        <translation>未定位：这段文字不在当前版本的电话会记录中。</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>{doing} (internal error: {error})</source>
        <translation>{doing}（内部错误：{error}）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>orphaned</source>
        <translation>未定位</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>As in file</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Traditional (Taiwan)</source>
        <translation>繁体（台湾）</translation>
    </message>
    <message>
        <source>Traditional (Hong Kong)</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <source>Summary (generated by the source, not said on the call)</source>
        <translation>摘要（由来源网站生成，并非会上所言）</translation>
    </message>
    <message>
        <source>Prepared remarks</source>
        <translation>开场发言</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问答环节</translation>
    </message>
    <message>
        <source>Summary (generated)</source>
        <translation>摘要（生成）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>演示环节</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>management</source>
        <translation>管理层</translation>
    </message>
    <message>
        <source>unknown speaker</source>
        <translation>发言人不详</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>分析师</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>口译员</translation>
    </message>
    <message>
        <source>Transcripts</source>
        <translation>文字记录</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Add highlight</source>
        <translation>添加高亮</translation>
    </message>
    <message>
        <source>Edit highlight</source>
        <translation>编辑高亮</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>删除高亮</translation>
    </message>
    <message>
        <source>Recolour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Any period</source>
        <translation>任意期间</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>所有期间</translation>
    </message>
    <message>
        <source>Figure differs</source>
        <translation>数字不符</translation>
    </message>
    <message>
        <source>Figure on one side only</source>
        <translation>数字仅见于一方</translation>
    </message>
    <message>
        <source>Not interpreted</source>
        <translation>未口译</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Interleaved</source>
        <translation>交替</translation>
    </message>
    <message>
        <source>Original only</source>
        <translation>仅原文</translation>
    </message>
    <message>
        <source>Interpretation only</source>
        <translation>仅口译</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System ({language})</source>
        <translation>跟随系统(&amp;S)（{language}）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language shows when Transcript Reader starts next.</source>
        <translation>新的语言将在下次启动 Transcript Reader 时生效。</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>资料库(&amp;L)</translation>
    </message>
    <message>
        <source>Every call in the library</source>
        <translation>资料库中的所有电话会</translation>
    </message>
    <message>
        <source>&amp;Search All Calls…</source>
        <translation>搜索所有电话会(&amp;S)…</translation>
    </message>
    <message>
        <source>Search every call in the library, in either script</source>
        <translation>以简体或繁体搜索资料库中的每场电话会</translation>
    </message>
    <message>
        <source>&amp;Import Files to Library…</source>
        <translation>导入文件到资料库(&amp;I)…</translation>
    </message>
    <message>
        <source>Add transcript files to the library</source>
        <translation>将文字记录文件加入资料库</translation>
    </message>
    <message>
        <source>Import F&amp;older to Library…</source>
        <translation>导入文件夹到资料库(&amp;O)…</translation>
    </message>
    <message>
        <source>Add every transcript in a folder and its subfolders to the library</source>
        <translation>将文件夹及其子文件夹中的所有文字记录加入资料库</translation>
    </message>
    <message>
        <source>The library is not available: {reason}</source>
        <translation>资料库不可用：{reason}</translation>
    </message>
    <message>
        <source>The library is off: no annotation library was opened.</source>
        <translation>资料库已关闭：没有打开批注资料库。</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>正在打开资料库…</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话会</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>从资料库中移除</translation>
    </message>
    <message>
        <source>Remove {call} from the library?</source>
        <translation>要将 {call} 从资料库中移除吗？</translation>
    </message>
    <message>
        <source>Its 1 highlight and its note go with it; this cannot be undone. </source>
        <translation>其 1 处高亮及笔记将一并移除，且无法撤销。</translation>
    </message>
    <message>
        <source>Its {n} highlights and their notes go with it; this cannot be undone. </source>
        <translation>其 {n} 处高亮及笔记将一并移除，且无法撤销。</translation>
    </message>
    <message>
        <source>The transcript file itself is not touched.</source>
        <translation>文字记录文件本身不受影响。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Details of {call} saved.</source>
        <translation>已保存 {call} 的详细信息。</translation>
    </message>
    <message>
        <source>Removed {call} from the library.</source>
        <translation>已将 {call} 从资料库中移除。</translation>
    </message>
</context>
<context>
    <name>LibraryLink</name>
    <message>
        <source>{name}: could not be displayed (internal error: {error})</source>
        <translation>{name}：无法显示（内部错误：{error}）</translation>
    </message>
    <message>
        <source>The match is in text the layout or the speaker filter hides.</source>
        <translation>匹配项位于被当前版式或发言人筛选隐藏的文字中。</translation>
    </message>
    <message>
        <source>Library import: {summary}</source>
        <translation>资料库导入：{summary}</translation>
    </message>
</context>
<context>
    <name>LibrarySession</name>
    <message>
        <source>internal error ({error})</source>
        <translation>内部错误（{error}）</translation>
    </message>
    <message>
        <source>The library&apos;s server is back</source>
        <translation>资料库的服务器已恢复连接</translation>
    </message>
    <message>
        <source>the annotation library is not available</source>
        <translation>批注资料库不可用</translation>
    </message>
</context>
<context>
    <name>LibrarySwitch</name>
    <message>
        <source>Open &amp;Library…</source>
        <translation>打开资料库(&amp;L)…</translation>
    </message>
    <message>
        <source>Switch to this computer&apos;s library or a team library on a server</source>
        <translation>切换到本机的资料库，或服务器上的团队资料库</translation>
    </message>
    <message>
        <source>This library is open already.</source>
        <translation>这个资料库已经打开。</translation>
    </message>
    <message>
        <source>Switch Libraries?</source>
        <translation>切换资料库？</translation>
    </message>
    <message>
        <source>Your last edit has not been saved to this library, and another library cannot take it. Switch anyway? What you typed in it is copied to the clipboard first.</source>
        <translation>您的上一次编辑尚未保存到这个资料库，另一个资料库也无法接收它。仍要切换吗？切换前会先把您输入的内容复制到剪贴板。</translation>
    </message>
    <message>
        <source>Copy and Switch</source>
        <translation>复制并切换</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>股票代码</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>高亮</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Import Files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Import Folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Company, ticker or file name</source>
        <translation>公司、股票代码或文件名</translation>
    </message>
    <message>
        <source>Group by Company</source>
        <translation>按公司分组</translation>
    </message>
    <message>
        <source>One branch per company, its calls under it (a renamed company&apos;s calls together, by ticker)</source>
        <translation>每家公司一个分支，其电话会列于其下（更名公司的电话会按股票代码归在一起）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove from Library…</source>
        <translation>从资料库中移除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation>编辑详细信息(&amp;E)…</translation>
    </message>
    <message>
        <source>Company, ticker, period and date of this call (F2)</source>
        <translation>此电话会的公司、股票代码、期间和日期 (F2)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Files that could not be imported, with the reason</source>
        <translation>无法导入的文件及原因</translation>
    </message>
    <message>
        <source>{n} calls in the library</source>
        <translation>资料库中有 {n} 场电话会</translation>
    </message>
    <message>
        <source>1 call in the library</source>
        <translation>资料库中有 1 场电话会</translation>
    </message>
    <message>
        <source>Also named: {names}</source>
        <translation>其他名称：{names}</translation>
    </message>
    <message>
        <source>{n} calls</source>
        <translation>{n} 场电话会</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 场电话会</translation>
    </message>
    <message>
        <source>import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Looking for transcripts…</source>
        <translation>正在查找文字记录…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>完成当前文件后停止…</translation>
    </message>
    <message>
        <source>Import Transcripts</source>
        <translation>导入文字记录</translation>
    </message>
    <message>
        <source>Import a Folder of Transcripts</source>
        <translation>导入一个文字记录文件夹</translation>
    </message>
    <message>
        <source>{done} / {total} files</source>
        <translation>{done} / {total} 个文件</translation>
    </message>
    <message>
        <source>Import stopped: {reason}</source>
        <translation>导入已停止：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a transcript with File → Open (Ctrl+O),
or drop transcript files on this window.
Calls read before are in the Library (Ctrl+Shift+L).</source>
        <translation>通过“文件 → 打开”（Ctrl+O）打开文字记录，
或将文字记录文件拖放到此窗口。
以前读过的电话会都在资料库中（Ctrl+Shift+L）。</translation>
    </message>
    <message>
        <source>Open Transcript…</source>
        <translation>打开文字记录…</translation>
    </message>
    <message>
        <source>Library…</source>
        <translation>资料库…</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open transcript files</source>
        <translation>打开文字记录文件</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Close the current transcript</source>
        <translation>关闭当前文字记录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Jump to &amp;Q&amp;&amp;A</source>
        <translation>跳到问答环节(&amp;Q)</translation>
    </message>
    <message>
        <source>Go to the start of questions and answers</source>
        <translation>跳到问答环节开头</translation>
    </message>
    <message>
        <source>&amp;Next Question</source>
        <translation>下一个提问(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next analyst question</source>
        <translation>跳到分析师的下一个提问</translation>
    </message>
    <message>
        <source>&amp;Previous Question</source>
        <translation>上一个提问(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous analyst question</source>
        <translation>跳到分析师的上一个提问</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in either Chinese script</source>
        <translation>查找文字，简繁互通</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>关于 {app}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Discrepancies</source>
        <translation>差异(&amp;D)</translation>
    </message>
    <message>
        <source>{layout} layout · {turns} turns · {questions} questions</source>
        <translation>{layout} 版式 · {turns} 段发言 · {questions} 个提问</translation>
    </message>
    <message>
        <source> · {n} damaged bytes replaced (shown as {mark})</source>
        <translation> · 已替换 {n} 个损坏字节（显示为 {mark}）</translation>
    </message>
    <message>
        <source> · 1 damaged byte replaced (shown as {mark})</source>
        <translation> · 已替换 1 个损坏字节（显示为 {mark}）</translation>
    </message>
    <message>
        <source>Folders go into the library, which is busy or not open.</source>
        <translation>文件夹需导入资料库，但资料库正忙或未打开。</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Call Details</source>
        <translation>电话会详细信息</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation>股票代码(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>as the call names it</source>
        <translation>按电话会中的名称</translation>
    </message>
    <message>
        <source>QFIN, 9988.HK</source>
        <translation>QFIN、9988.HK</translation>
    </message>
    <message>
        <source>Q1 2024, FY2023, H1 2024</source>
        <translation>Q1 2024、FY2023、H1 2024</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Use the File&apos;s Values</source>
        <translation>使用文件中的值</translation>
    </message>
    <message>
        <source>Forget your values: company, ticker, period and date as read from the file</source>
        <translation>忘记您的值：使用从文件读取的公司、股票代码、期间和日期</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>All speakers</source>
        <translation>所有发言人</translation>
    </message>
    <message>
        <source>This transcript has no Q&amp;A section.</source>
        <translation>此文字记录没有问答环节。</translation>
    </message>
    <message>
        <source>No next question.</source>
        <translation>没有下一个提问。</translation>
    </message>
    <message>
        <source>No previous question.</source>
        <translation>没有上一个提问。</translation>
    </message>
</context>
<context>
    <name>NotebookLink</name>
    <message>
        <source>&amp;Notebook: All Highlights…</source>
        <translation>笔记本：全部高亮(&amp;N)…</translation>
    </message>
    <message>
        <source>Every highlight of the library, filtered and exported</source>
        <translation>资料库的全部高亮，可筛选和导出</translation>
    </message>
    <message>
        <source>Orphaned highlight: its text is not in this version of the call.</source>
        <translation>未定位的高亮：其文字不在此版本的电话会议中。</translation>
    </message>
</context>
<context>
    <name>NotebookModel</name>
    <message>
        <source>reading highlights failed</source>
        <translation>读取高亮失败</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话会议</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>[orphaned] {quote}</source>
        <translation>[未定位] {quote}</translation>
    </message>
</context>
<context>
    <name>NotebookWindow</name>
    <message>
        <source>Notebook: Highlights of the Library</source>
        <translation>笔记本：资料库的高亮</translation>
    </message>
    <message>
        <source>Filter quotes and notes (either script)</source>
        <translation>筛选引文和笔记（简繁皆可）</translation>
    </message>
    <message>
        <source>Any company</source>
        <translation>任意公司</translation>
    </message>
    <message>
        <source>Any period</source>
        <translation>任意期间</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <source>Any speaker</source>
        <translation>任意发言人</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Whose highlights to list</source>
        <translation>列出谁的高亮</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>管理层</translation>
    </message>
    <message>
        <source>Analysts</source>
        <translation>分析师</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Interpreters</source>
        <translation>口译员</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every highlight</source>
        <translation>显示全部高亮</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the highlights shown (all pages) as Markdown, JSON or CSV</source>
        <translation>将显示的高亮（所有页）保存为 Markdown、JSON 或 CSV</translation>
    </message>
    <message>
        <source>Markdown (as shown)…</source>
        <translation>Markdown（按显示内容）…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <source>reading the library failed</source>
        <translation>读取资料库失败</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>The annotation library is not open.</source>
        <translation>标注资料库未打开。</translation>
    </message>
    <message>
        <source>Loading highlights…</source>
        <translation>正在加载高亮…</translation>
    </message>
    <message>
        <source>No highlight matches these filters.</source>
        <translation>没有符合这些筛选条件的高亮。</translation>
    </message>
    <message>
        <source>No highlights yet: select text in a call and press Ctrl+H.</source>
        <translation>还没有高亮：在电话会议中选择文字并按 Ctrl+H。</translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation>1 条高亮</translation>
    </message>
    <message>
        <source>{n} highlights</source>
        <translation>{n} 条高亮</translation>
    </message>
    <message>
        <source>; {n} loaded (more as you scroll)</source>
        <translation>；已加载 {n} 条（滚动时加载更多）</translation>
    </message>
    <message>
        <source>Select highlights to copy them with their citations.</source>
        <translation>请选择要带出处复制的高亮。</translation>
    </message>
    <message>
        <source>Copied 1 highlight with its citation.</source>
        <translation>已带出处复制 1 条高亮。</translation>
    </message>
    <message>
        <source>Copied {n} highlights with their citations.</source>
        <translation>已带出处复制 {n} 条高亮。</translation>
    </message>
    <message>
        <source>Nothing to export: no highlight is shown.</source>
        <translation>没有可导出的内容：未显示任何高亮。</translation>
    </message>
    <message>
        <source>Export Highlights</source>
        <translation>导出高亮</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported {n} highlights to {path}</source>
        <translation>已将 {n} 条高亮导出到 {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>OpenLibraryDialog</name>
    <message>
        <source>Open Library</source>
        <translation>打开资料库</translation>
    </message>
    <message>
        <source>This computer&apos;s library</source>
        <translation>本机的资料库</translation>
    </message>
    <message>
        <source>A team library, or another library file:</source>
        <translation>团队资料库，或另一个资料库文件：</translation>
    </message>
    <message>
        <source>postgresql://you@db.desk.example/research, or a service name</source>
        <translation>postgresql://you@db.desk.example/research，或服务名</translation>
    </message>
    <message>
        <source>Passwords are never stored by the app. The server&apos;s client library finds yours in ~/.pgpass, in the PGPASSWORD variable, or in a service file (~/.pg_service.conf, used with a service name); sslmode and other options go in the URL. A password typed in the URL is used this time only.</source>
        <translation>本应用从不保存密码。服务器的客户端库会在 ~/.pgpass、PGPASSWORD 环境变量或服务文件（~/.pg_service.conf，配合服务名使用）中找到您的密码；sslmode 等选项写在 URL 中。URL 中输入的密码只用于这一次。</translation>
    </message>
    <message>
        <source>Type a postgresql:// address, a service name or a library file.</source>
        <translation>请输入 postgresql:// 地址、服务名或资料库文件。</translation>
    </message>
</context>
<context>
    <name>OpenQueue</name>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>{name}: could not be read</source>
        <translation>{name}：无法读取</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>: written by the website, not said on the call</source>
        <translation>：由网站撰写，并非会上所言</translation>
    </message>
    <message>
        <source>{n} turns, {first}–{last}</source>
        <translation>{n} 段发言，第 {first}–{last} 段</translation>
    </message>
    <message>
        <source>Doubts · {n}</source>
        <translation>存疑 · {n}</translation>
    </message>
    <message>
        <source>Parts of this outline are guesses:</source>
        <translation>此大纲中有部分内容是推测的：</translation>
    </message>
    <message>
        <source>Company: {value}</source>
        <translation>公司：{value}</translation>
    </message>
    <message>
        <source>Ticker: {value}</source>
        <translation>股票代码：{value}</translation>
    </message>
    <message>
        <source>Period: {value}</source>
        <translation>期间：{value}</translation>
    </message>
    <message>
        <source>Date: {value}</source>
        <translation>日期：{value}</translation>
    </message>
    <message>
        <source>File: {name} ({encoding}, {layout} layout)</source>
        <translation>文件：{name}（{encoding}，{layout} 版式）</translation>
    </message>
    <message>
        <source>Unknown asker</source>
        <translation>提问人不详</translation>
    </message>
    <message>
        <source>Question {n} of {total}: {who}</source>
        <translation>第 {n} 个提问（共 {total} 个）：{who}</translation>
    </message>
    <message>
        <source>interpretation of turn {turns}</source>
        <translation>第 {turns} 段发言的口译</translation>
    </message>
    <message>
        <source>, on behalf of {speaker}</source>
        <translation>，代 {speaker} 发言</translation>
    </message>
    <message>
        <source>interpreted (original not in the source)</source>
        <translation>经口译（来源中没有原文）</translation>
    </message>
    <message>
        <source>Mandarin</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>mixed languages</source>
        <translation>中英混合</translation>
    </message>
    <message>
        <source> for {speaker}</source>
        <translation>（代 {speaker}）</translation>
    </message>
    <message>
        <source>Turn {n}: {speaker}, {kind}</source>
        <translation>第 {n} 段发言：{speaker}，{kind}</translation>
    </message>
    <message>
        <source>Doubt: {doubt}</source>
        <translation>存疑：{doubt}</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
</context>
<context>
    <name>ReadingView</name>
    <message>
        <source>Said at {time}</source>
        <translation>发言时间 {time}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all calls: words, &quot;a phrase&quot;, prefix*, 营收</source>
        <translation>搜索所有电话会：词语、&quot;短语&quot;、前缀*、营收</translation>
    </message>
    <message>
        <source>Company or ticker</source>
        <translation>公司或股票代码</translation>
    </message>
    <message>
        <source>Q&amp;&amp;A only</source>
        <translation>仅问答环节</translation>
    </message>
    <message>
        <source>Management only</source>
        <translation>仅管理层</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>已高亮</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>First {n} results</source>
        <translation>前 {n} 条结果</translation>
    </message>
    <message>
        <source>{n} results</source>
        <translation>{n} 条结果</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 条结果</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>&amp;Use Local Library</source>
        <translation>使用本机资料库(&amp;U)</translation>
    </message>
    <message>
        <source>Reopen the window on this computer&apos;s library file</source>
        <translation>在本机的资料库文件上重新打开窗口</translation>
    </message>
    <message>
        <source>The team library cannot be opened: {reason}</source>
        <translation>无法打开团队资料库：{reason}</translation>
    </message>
</context>
<context>
    <name>SessionTabs</name>
    <message>
        <source>Not reopened, no longer there: {names}</source>
        <translation>未重新打开，文件已不存在：{names}</translation>
    </message>
</context>
<context>
    <name>SideDocks</name>
    <message>
        <source>Show the library of calls</source>
        <translation>显示电话会资料库</translation>
    </message>
    <message>
        <source>Show the highlights of this call</source>
        <translation>显示此电话会的高亮</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Cleanup, Jump to Q&amp;A and the highlight colours</source>
        <translation>清理、跳到问答和高亮颜色</translation>
    </message>
</context>
<context>
    <name>ViewAlignment</name>
    <message>
        <source>alignment failed</source>
        <translation>对照失败</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Join Spaced Chinese</source>
        <translation>合并中文空格(&amp;J)</translation>
    </message>
    <message>
        <source>Remove the spaces speech recognition put between Chinese characters</source>
        <translation>去除语音识别在汉字之间插入的空格</translation>
    </message>
    <message>
        <source>&amp;Hide Fillers</source>
        <translation>隐藏语气词(&amp;H)</translation>
    </message>
    <message>
        <source>Hide hesitations such as 嗯, 呃, uh, um</source>
        <translation>隐藏“嗯”“呃”“uh”“um”等语气词</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Text at the default size</source>
        <translation>文字恢复默认大小</translation>
    </message>
    <message>
        <source>Script: {script}</source>
        <translation>简繁：{script}</translation>
    </message>
    <message>
        <source>Layout: {layout}</source>
        <translation>版式：{layout}</translation>
    </message>
</context>
<context>
    <name>WindowChrome</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Chinese &amp;Script</source>
        <translation>中文简繁(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>版式(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Show Chinese in another script</source>
        <translation>以另一种字形显示中文</translation>
    </message>
    <message>
        <source>How original and interpretation are arranged</source>
        <translation>原文与口译的排列方式</translation>
    </message>
    <message>
        <source>Show only what one speaker says</source>
        <translation>只显示一位发言人的内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
