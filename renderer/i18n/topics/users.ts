/** Who is signed in, and what their role lets them do. */
export const zhCN = {
  'user.label': '用户',
  'user.role.admin': '管理员',
  'user.role.duty': '值班员',
  'user.role.liaison': '联络员',
  'user.role.viewer': '只读',
  'user.cannot': '您的角色（{role}）不能执行此操作',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'user.label': 'User',
  'user.role.admin': 'Administrator',
  'user.role.duty': 'Duty officer',
  'user.role.liaison': 'Agency liaison',
  'user.role.viewer': 'Viewer',
  'user.cannot': 'Your role ({role}) cannot do this',
};
